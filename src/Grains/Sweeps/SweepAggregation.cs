namespace OrleansSweep.Grains.Sweeps;

/// <summary>Turns run summaries into the sweep's results table.</summary>
public static class SweepAggregation
{
    public static SweepResults Results(SweepStatus status) => new()
    {
        SweepId = status.SweepId,
        CorpusDescription = status.CorpusDescription,
        OptimalLoss = status.OptimalLoss,
        IsFinished = status.IsFinished,
        Runs = status.Runs.Select(r => new RunResult
        {
            RunId = r.Spec.RunId,
            Model = r.Spec.Model,
            Training = r.Spec.Training,
            State = r.State,
            Step = r.Step,
            Parameters = r.Parameters,
            NonEmbeddingParameters = r.NonEmbeddingParameters,
            BestEvalLoss = r.BestEvalLoss,
            BestEvalStep = r.BestEvalStep,
            FinalEvalLoss = r.FinalEvalLoss,
            FinalEvalStandardError = r.FinalEvalStandardError,
            OptimalLoss = status.OptimalLoss,
            Gap = r.FinalEvalLoss - status.OptimalLoss,
        }).ToList(),
    };
}
