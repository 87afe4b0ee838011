using System.ComponentModel.DataAnnotations;

namespace OrleansSweep.Grains.Hosting;

/// <summary>
/// How fast a run whose silo died trains again (docs/RELIABILITY.md measures these): a dead silo is declared dead after
/// <see cref="MissedProbesLimit"/> probes of <see cref="ProbeTimeout"/> each go unanswered, and its runs are woken by their
/// reminder within one <see cref="ReminderPeriod"/> after that.
/// </summary>
public sealed class FailoverOptions
{
    public const string SectionName = "Failover";

    /// <summary>How often a durable reminder wakes every unfinished run and sweep; a woken run that trains already does nothing.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Failover:ReminderPeriod must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ReminderPeriod { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How often each silo reads its share of the reminder table again (Orleans' default is 5 min). A silo also reads it when
    /// its share changes; this bounds how long a reminder could go unseen if a share changed hands several times while
    /// silos joined at once (a whole cluster restarted), instead of five minutes.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Failover:ReminderRefreshPeriod must be between 00:00:01 and 01:00:00.")]
    public TimeSpan ReminderRefreshPeriod { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a silo waits for a peer's probe answer (Orleans' default is 5 s).</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:05:00", ErrorMessage = "Failover:ProbeTimeout must be between 00:00:00.500 and 00:05:00.")]
    public TimeSpan ProbeTimeout { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Unanswered probes before a silo votes its peer dead (Orleans' default is 3).</summary>
    [Range(1, 100, ErrorMessage = "Failover:MissedProbesLimit must be between 1 and 100.")]
    public int MissedProbesLimit { get; set; } = 3;
}
