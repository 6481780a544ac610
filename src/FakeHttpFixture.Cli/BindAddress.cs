using System.Globalization;
using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace FakeHttpFixture.Cli;

/// <summary>Reads the address of <c>--bind</c> strictly and checks, before anything starts, that this machine has it.</summary>
internal static class BindAddress
{
    /// <summary>
    /// Returns the address, or null. IPv4 must be four decimal numbers from 0 to 255 without leading zeros: IPAddress.TryParse
    /// also takes inet_aton's forms, so "1.2.3" would mean 1.2.0.3 and "010.0.0.1" 8.0.0.1, neither what anyone typed it for.
    /// </summary>
    public static IPAddress? Parse(string text)
    {
        if (text.Contains(':', StringComparison.Ordinal))
        {
            var bare = text is ['[', .. var inner, ']'] ? inner : text;
            return IPAddress.TryParse(bare, out var v6) && v6.AddressFamily == AddressFamily.InterNetworkV6 ? v6 : null;
        }

        var parts = text.Split('.');
        if (parts.Length != 4)
        {
            return null;
        }

        var bytes = new byte[4];
        for (var i = 0; i < 4; i++)
        {
            var part = parts[i];
            if (part.Length is 0 or > 3 || (part.Length > 1 && part[0] == '0')
                || !byte.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out bytes[i]))
            {
                return null;
            }
        }

        return new IPAddress(bytes);
    }

    /// <summary>Returns null when this machine can listen on <paramref name="address"/>, else the end of a sentence saying why not and what to give.</summary>
    public static string? ProblemOnThisMachine(IPAddress address)
    {
        if (address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(address))
        {
            return null;
        }

        List<IPAddress> own;
        try
        {
            own = [.. NetworkInterface.GetAllNetworkInterfaces().SelectMany(nic => nic.GetIPProperties().UnicastAddresses).Select(a => a.Address)];
        }
        catch (NetworkInformationException)
        {
            // Not knowing the interfaces is no reason to refuse: the bind itself will tell.
            return null;
        }

        // Compared without the IPv6 scope, which a user rarely types.
        var wanted = address.GetAddressBytes();
        if (own.Any(a => a.GetAddressBytes().AsSpan().SequenceEqual(wanted)))
        {
            return null;
        }

        var choices = own.Where(a => !IPAddress.IsLoopback(a))
            .OrderBy(a => a.AddressFamily == AddressFamily.InterNetworkV6)
            .Select(a => a.ToString())
            .Take(4)
            .Prepend("127.0.0.1");
        return $"is not an address of this machine, so fakehttp cannot listen there: give one it has ({string.Join(", ", choices)}), or 0.0.0.0 for all of them.";
    }
}
