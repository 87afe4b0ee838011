namespace OrleansSweep.Client.Report.Data;

/// <summary>One run of a sweep: its size, its analysis (SCIENCE.md §6–7) and its probe series.</summary>
public sealed record RunReportData
{
    /// <summary>The run id.</summary>
    public required string RunId { get; init; }

    /// <summary>The run's name in legends and tables, e.g. "d=64".</summary>
    public required string Label { get; init; }

    /// <summary>Hidden size d.</summary>
    public int DModel { get; init; }

    /// <summary>Number of transformer blocks.</summary>
    public int Layers { get; init; }

    /// <summary>Rank r of a factorised head; null for a full-rank head.</summary>
    public int? HeadRank { get; init; }

    /// <summary>Non-embedding parameters N, the scaling law's size.</summary>
    public long NonEmbeddingParameters { get; init; }

    /// <summary>The last eval loss, nats per token.</summary>
    public double? FinalLoss { get; init; }

    /// <summary>The lowest eval loss, nats per token.</summary>
    public double? BestLoss { get; init; }

    /// <summary>Whether final − best exceeds max(0.01, 2·stderr).</summary>
    public bool Saturated { get; init; }

    /// <summary>The step of the best checkpoint when saturated.</summary>
    public int? SaturationStep { get; init; }

    /// <summary>The first step at which singular entropy rose more than 1 nat above its running minimum.</summary>
    public int? SpectrumCollapseStep { get; init; }

    /// <summary>The first step at which final-layer anisotropy exceeded 0.9.</summary>
    public int? AnisotropyStep { get; init; }

    /// <summary>(L_final − L_fit(N)) / L_fit(N), when a fit exists.</summary>
    public double? GapToFit { get; init; }

    /// <summary>L_final − optimal loss in nats per token, when the optimum is known.</summary>
    public double? GapToOptimum { get; init; }

    /// <summary>Held-out eval loss with its standard error, per evaluated step.</summary>
    public LossSeries EvalLoss { get; init; } = new();

    /// <summary>Singular entropy of the head's spectrum in nats, per probed step.</summary>
    public StepSeries SingularEntropy { get; init; } = new();

    /// <summary>Anisotropy after the final LayerNorm, per probed step.</summary>
    public StepSeries FinalLayerAnisotropy { get; init; } = new();

    /// <summary>Anisotropy per layer at the last probed step: index 0 the embedding output, ℓ the output of block ℓ.</summary>
    public double[] AnisotropyByLayer { get; init; } = [];

    /// <summary>The head's W-error(r) at the last probed step, indexed by r (index 0 is r = 0, where the error is 1).</summary>
    public double[] HeadWError { get; init; } = [];

    /// <summary>Mean fraction ‖QQᵀg‖/‖g‖ of the logit gradient the head keeps, per probed step.</summary>
    public StepSeries GradientKept { get; init; } = new();
}
