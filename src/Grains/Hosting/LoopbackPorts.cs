using System.Net;
using System.Net.Sockets;

namespace OrleansSweep.Grains.Hosting;

/// <summary>
/// Orleans' listeners share their ports (SO_REUSEPORT), so a second silo on a taken port starts without error and the
/// kernel then splits connections between two unrelated clusters. A plain bind, which such a listener refuses, tells first.
/// </summary>
public static class LoopbackPorts
{
    /// <summary>Throws one sentence naming the flag when <paramref name="port"/> is taken on 127.0.0.1.</summary>
    public static void EnsureFree(int port, string flag)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            probe.Bind(new IPEndPoint(IPAddress.Loopback, port));
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.AddressAlreadyInUse or SocketError.AccessDenied)
        {
            throw new ArgumentException($"port {port} ({flag}) on 127.0.0.1 is already in use, perhaps by another silo; pass a free one.");
        }
    }
}
