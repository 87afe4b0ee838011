namespace OrleansSweep.Grains.Sweeps;

/// <summary>
/// What a coordinator answers about its sweep: the status page, the results and the report. The counts, ranking and groups
/// come from <see cref="SweepIndex"/>; only the rows of the page and the top runs' series are read.
/// </summary>
public sealed class SweepReader(SweepProgress progress, SweepRows rows, IGrainFactory grains)
{
    /// <summary>Counts and one page of runs.</summary>
    public async Task<SweepStatus> StatusAsync(StatusQuery query)
    {
        if (query.Page < 1) throw new ArgumentException($"--page must be at least 1, got {query.Page}.");
        if (query.PageSize is < 1 or > StatusQuery.MaxPageSize)
            throw new ArgumentException($"--page-size must be between 1 and {StatusQuery.MaxPageSize}, got {query.PageSize}.");
        var page = await rows.PageAsync(query.State, (int)Math.Min(int.MaxValue, (long)(query.Page - 1) * query.PageSize), query.PageSize);
        return progress.Status(rows.Index, page.Select(rows.Summary).ToList(), query);
    }

    /// <summary>Groups, the best runs with their probes, and the fits over them.</summary>
    public async Task<SweepResults> ResultsAsync(ResultsQuery query)
    {
        if (query.Top is < 0 or > ResultsQuery.MaxRows) throw new ArgumentException($"--top must be between 0 and {ResultsQuery.MaxRows}, got {query.Top}.");
        if (query.GroupPage < 1) throw new ArgumentException($"--group-page must be at least 1, got {query.GroupPage}.");
        var top = (await rows.GetAsync(rows.Index.Top(query.Top))).Select(rows.Summary).ToList();
        var observed = await Task.WhenAll(top.Select(r => RunSeriesReader.ObserveAsync(grains, r)));
        return await ResultsAsync(observed, query);
    }

    /// <summary>The results with every run's series: ranked as the results are, then the runs with no value of the metric yet.</summary>
    public async Task<SweepReport> ReportAsync()
    {
        var ranked = rows.Index.Top(int.MaxValue);
        var all = await rows.PageAsync(null, 0, rows.Index.Counts.Total);
        var runs = (await rows.GetAsync(ranked)).Concat(all.ExceptBy(ranked, r => r.Index)).Select(rows.Summary).ToList();
        var series = await Task.WhenAll(runs.Select(r => RunSeriesReader.ReadAsync(grains, r)));
        var results = await ResultsAsync(runs.Zip(series, RunSeriesReader.Observe).ToList(), new ResultsQuery { Top = runs.Count });
        return new SweepReport { Results = results, Runs = series };
    }

    private async Task<SweepResults> ResultsAsync(IReadOnlyList<RunObservations> runs, ResultsQuery query)
    {
        var request = progress.NgramRequest();
        var ngram = request is null ? null : await grains.GetGrain<INgramRankGrain>(NgramRankRequest.KeyOf(request)).GetAsync();
        var status = progress.Status(rows.Index, [], new StatusQuery());
        return SweepAggregation.Results(status, runs, rows.Index.Groups(query.GroupPage, query.GroupPageSize), rows.Index.GroupCount, ngram,
            ngramPending: request is not null && ngram is null);
    }
}
