namespace OrleansSweep.Compute.Training;

/// <summary>Linear warmup then cosine decay: a pure function of the step, so a resumed run needs no schedule state.</summary>
public static class LearningRateSchedule
{
    /// <summary>The learning rate used for the update of 0-based <paramref name="step"/>.</summary>
    public static double At(int step, TrainerOptions options)
    {
        var peak = options.LearningRate;
        var floor = peak * options.MinLearningRateRatio;
        if (step < options.WarmupSteps) return peak * (step + 1) / options.WarmupSteps;
        var decaySteps = Math.Max(1, options.Steps - options.WarmupSteps);
        var progress = Math.Min(1.0, (double)(step - options.WarmupSteps) / decaySteps);
        return floor + 0.5 * (peak - floor) * (1 + Math.Cos(Math.PI * progress));
    }
}
