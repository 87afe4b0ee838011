using System.Diagnostics;
using System.Net.Sockets;

namespace OrleansSweep.EndToEnd.Tests.Hosting;

/// <summary>
/// A real redis-server on a free loopback port, with no persistence (the cluster's state lives as long as this process),
/// in a directory of its own. Disposing kills it; so does this test process exiting.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly TemporaryDirectory directory;

    private RedisServer(Process process, TemporaryDirectory directory, int port)
    {
        this.process = process;
        this.directory = directory;
        Port = port;
        AppDomain.CurrentDomain.ProcessExit += KillOnExit;
    }

    public int Port { get; }

    /// <summary>host:port, as --redis takes it.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts redis-server and returns once it accepts connections; one sentence when it is not installed.</summary>
    public static async Task<RedisServer> StartAsync(CancellationToken cancellation)
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed; `apt-get install redis-server` (.ci/run does).");
        var port = FreePort.Next();
        var directory = new TemporaryDirectory();
        var start = new ProcessStartInfo(executable) { UseShellExecute = false, RedirectStandardOutput = true, WorkingDirectory = directory.Path };
        foreach (var argument in new[] { "--port", $"{port}", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory.Path })
            start.ArgumentList.Add(argument);
        var server = new RedisServer(Process.Start(start)!, directory, port);
        server.process.BeginOutputReadLine();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        deadline.CancelAfter(TimeSpan.FromSeconds(20));
        while (true)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync("127.0.0.1", port, deadline.Token);
                return server;
            }
            catch (SocketException)
            {
                if (server.process.HasExited) throw new InvalidOperationException($"redis-server exited with code {server.process.ExitCode}.");
                await Task.Delay(50, deadline.Token);
            }
        }
    }

    private void KillOnExit(object? sender, EventArgs e) => Kill();

    private void Kill()
    {
        try
        {
            if (!process.HasExited) process.Kill();
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
        await process.WaitForExitAsync();
        process.Dispose();
        directory.Dispose();
    }
}
