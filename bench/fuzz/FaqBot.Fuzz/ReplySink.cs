using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FaqBot.Fuzz;

/// <summary>A stand-in Bot Connector service on loopback: the <c>serviceUrl</c> of the activities
/// posted to <c>/api/messages</c>, so the bot's replies are delivered (200 with a resource id)
/// and an error the host logs after its 202 is the host's own, never an unreachable service.</summary>
internal sealed class ReplySink : IDisposable
{
    private static readonly byte[] Resource = Encoding.UTF8.GetBytes("{\"id\":\"fuzz-reply\"}");

    private readonly HttpListener _listener = new();
    private readonly Task _serving;

    public ReplySink()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }

        _listener.Prefixes.Add(Url);
        _listener.Start();
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public int Received { get; private set; }

    public void Dispose()
    {
        _listener.Close();
        _serving.Wait(TimeSpan.FromSeconds(5));
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Received++;
            await context.Request.InputStream.CopyToAsync(Stream.Null);
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(Resource);
            context.Response.Close();
        }
    }
}
