using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;

namespace OrleansSweep.EndToEnd.Tests.Hosting;

/// <summary>
/// The real Silo host as a child process (`dotnet OrleansSweep.Silo.dll`), on free loopback ports. Disposing kills its whole
/// process tree; so does this test process exiting, however it ends.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(60);
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private SiloProcess(Process process, int siloPort, int gatewayPort)
    {
        this.process = process;
        SiloPort = siloPort;
        GatewayPort = gatewayPort;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    /// <summary>Whether the process has ended (killed, or exited by itself).</summary>
    public bool HasExited => process.HasExited;

    public string Gateway => $"127.0.0.1:{GatewayPort}";

    /// <summary>What the silo printed, last lines last: for failure messages.</summary>
    public string Output => string.Join(Environment.NewLine, output.TakeLast(40));

    /// <summary>Starts the silo on free ports and returns once its gateway accepts TCP connections.</summary>
    public static Task<SiloProcess> StartAsync(string dataDirectory, CancellationToken cancellation) =>
        StartAsync(dataDirectory, FreePort.Next(), FreePort.Next(), [], cancellation);

    /// <summary>
    /// Starts the silo on the given ports (a restarted silo takes its old ones) with <paramref name="extra"/> arguments
    /// (e.g. --redis, --checkpoints), and returns once its gateway accepts TCP connections.
    /// </summary>
    public static async Task<SiloProcess> StartAsync(
        string dataDirectory, int siloPort, int gatewayPort, IReadOnlyList<string> extra, CancellationToken cancellation)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var argument in new[]
        {
            SiloAssembly(), "--data", dataDirectory, "--silo-port", $"{siloPort}", "--gateway-port", $"{gatewayPort}",
            "--threads", "1", "--device", "cpu",
        }.Concat(extra))
            start.ArgumentList.Add(argument);
        var silo = new SiloProcess(Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start."), siloPort, gatewayPort);
        silo.process.OutputDataReceived += (_, e) => silo.Record(e.Data);
        silo.process.ErrorDataReceived += (_, e) => silo.Record(e.Data);
        silo.process.BeginOutputReadLine();
        silo.process.BeginErrorReadLine();
        try
        {
            await silo.WaitForGatewayAsync(cancellation);
            return silo;
        }
        catch
        {
            await silo.DisposeAsync();
            throw;
        }
    }

    private async Task WaitForGatewayAsync(CancellationToken cancellation)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(StartPatience);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(100));
        while (true)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"the silo exited with code {process.ExitCode}:{Environment.NewLine}{Output}");
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", GatewayPort, deadline.Token);
                return;
            }
            catch (SocketException)
            {
                // Not listening yet.
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"the silo's gateway did not accept connections within {StartPatience}:{Environment.NewLine}{Output}");
            }
            try
            {
                await timer.WaitForNextTickAsync(deadline.Token);
            }
            catch (OperationCanceledException) when (!cancellation.IsCancellationRequested)
            {
                throw new TimeoutException($"the silo's gateway did not accept connections within {StartPatience}:{Environment.NewLine}{Output}");
            }
        }
    }

    // The referenced Silo project is copied beside the test assembly (with its deps and runtimeconfig).
    public static string SiloAssembly()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "OrleansSweep.Silo.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("OrleansSweep.Silo.dll is not beside the tests; build tests/EndToEnd.Tests.", path);
    }

    private void Record(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 200) output.TryDequeue(out _);
    }

    /// <summary>SIGKILL, as a machine that loses power: no shutdown, no last checkpoint; returns once the process is gone.</summary>
    public async Task KillAsync()
    {
        Kill();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(patience.Token);
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
    }

    public async ValueTask DisposeAsync()
    {
        AppDomain.CurrentDomain.ProcessExit -= KillOnExit;
        Kill();
        using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(patience.Token);
        process.Dispose();
    }
}
