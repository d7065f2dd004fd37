using System.Net;
using System.Net.Sockets;

namespace FaqBot.Web.Accounts;

/// <summary>Who is trying to sign in, as the lockout and the sign-in rate limit count them: an IPv4
/// address, or the /64 block of an IPv6 address (one party usually holds a whole /64, so counting
/// single IPv6 addresses would let it dodge both).</summary>
public static class SignInClient
{
    public static string Key(IPAddress? address)
    {
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string Key(HttpContext context) => Key(context.Connection.RemoteIpAddress);
}
