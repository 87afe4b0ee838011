using OrleansSweep.Compute.Models;

namespace OrleansSweep.Compute.Training;

/// <summary>What a checkpoint says about itself: enough to rebuild the model and continue the run exactly.</summary>
public sealed record CheckpointHeader(
    GptConfig Config,          // the model's shape
    TrainerOptions Options,    // schedule, batch, seed: the run this checkpoint belongs to
    int Step,                  // updates done; also the data cursor, since batch s is drawn from (seed, s) alone
    byte[] GeneratorState);    // the run's torch generator (dropout masks), after Step updates
