using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace OrleansSweep.Client.Bench;

/// <summary>Counts and sums the measurements of some histograms (Orleans' latencies, in milliseconds) from now until disposed.</summary>
public sealed class InstrumentTotals : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, (long Count, double Sum)> totals = new();

    public InstrumentTotals(IReadOnlyCollection<string> names)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (names.Contains(instrument.Name)) l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) => Add(instrument.Name, value));
        listener.Start();
    }

    /// <summary>Per instrument seen: how many measurements and their sum.</summary>
    public IReadOnlyList<InstrumentTotal> Read() =>
        totals.OrderBy(t => t.Key).Select(t => new InstrumentTotal(t.Key, t.Value.Count, t.Value.Sum)).ToList();

    public void Dispose() => listener.Dispose();

    private void Add(string name, double value) => totals.AddOrUpdate(name, (1, value), (_, t) => (t.Count + 1, t.Sum + value));
}
