namespace OrleansSweep.Grains.Runs;

/// <summary>
/// An exception the training work itself threw (a bad corpus, a bug, out of memory): it costs one of the run's max_failures.
/// What the grain's own calls throw (storage, reminders, a silo that went away) is not one, and costs nothing.
/// </summary>
public sealed class TrainingFailedException(Exception inner) : Exception(inner.Message, inner);
