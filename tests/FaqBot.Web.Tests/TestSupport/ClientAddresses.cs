using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace FaqBot.Web.Tests.TestSupport;

/// <summary>Lets a test say which address a request comes from (the in-memory server has none):
/// a request carrying <see cref="Header"/> is seen by the host as coming from that address.</summary>
public static class ClientAddresses
{
    public const string Header = "X-Test-Client-Address";

    public static FaqBotFactory WithClientAddresses(this FaqBotFactory factory) =>
        factory.WithServices(services => services.AddTransient<IStartupFilter, Filter>());

    /// <summary>Sends this client's requests from <paramref name="address"/>.</summary>
    public static HttpClient From(this HttpClient client, string address)
    {
        client.DefaultRequestHeaders.Remove(Header);
        client.DefaultRequestHeaders.Add(Header, address);
        return client;
    }

    private sealed class Filter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, proceed) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header], out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return proceed(context);
            });
            next(app);
        };
    }
}
