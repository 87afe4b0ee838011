using System.ComponentModel.DataAnnotations;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace OrleansSweep.Grains.Hosting;

/// <summary>Turns the start-up failures a user can cause into one sentence; anything else stays a crash with its trace.</summary>
public static class HostStartupErrors
{
    public static string? Describe(Exception e) => e switch
    {
        ValidationException v => v.Message,
        OptionsValidationException o => string.Join(" ", o.Failures),
        SocketException { SocketErrorCode: SocketError.AddressAlreadyInUse } =>
            "A silo or gateway port is already in use; pass free ports with --silo-port and --gateway-port.",
        AggregateException { InnerExceptions.Count: 1 } a => Describe(a.InnerException!),
        ArgumentException or IOException or UnauthorizedAccessException => e.Message,
        _ when e.InnerException is not null => Describe(e.InnerException),
        _ => null,
    };
}
