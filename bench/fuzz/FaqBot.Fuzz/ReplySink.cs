using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace FaqBot.Fuzz;

/// <summary>A stand-in Bot Connector service on loopback: the <c>serviceUrl</c> of the activities
/// posted to <c>/api/messages</c>. It reads each request whole, whatever its address (an id with
/// encoded slashes, thousands of characters long), and answers 200 with a resource id, so an
/// error the host logs after its 202 is the host's own, never the service's.</summary>
internal sealed class ReplySink : IDisposable
{
    private static readonly byte[] Answer = Encoding.ASCII.GetBytes(
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 19\r\nConnection: close\r\n\r\n{\"id\":\"fuzz-reply\"}");

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    public ReplySink()
    {
        _listener.Start();
        Url = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/";
        _serving = Task.Run(ServeAsync);
    }

    public string Url { get; }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _serving.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task ServeAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            try
            {
                var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                _ = Task.Run(() => AnswerAsync(client));
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
        }
    }

    /// <summary>Reads the head and the body (by its Content-Length, or to the last chunk), then answers and closes.</summary>
    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                var buffer = new byte[64 * 1024];
                var head = new StringBuilder();
                var read = 0;
                int end;
                while ((end = head.ToString().IndexOf("\r\n\r\n", StringComparison.Ordinal)) < 0)
                {
                    read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    head.Append(Encoding.Latin1.GetString(buffer, 0, read));
                }

                var lines = head.ToString()[..end].Split("\r\n");
                var length = lines
                    .Where(line => line.StartsWith("Content-Length:", StringComparison.OrdinalIgnoreCase))
                    .Select(line => long.Parse(line["Content-Length:".Length..].Trim(), CultureInfo.InvariantCulture))
                    .FirstOrDefault();
                var chunked = lines.Any(line => line.StartsWith("Transfer-Encoding:", StringComparison.OrdinalIgnoreCase) && line.Contains("chunked", StringComparison.OrdinalIgnoreCase));
                var tail = head.ToString()[(end + 4)..];
                for (var left = length - tail.Length; chunked ? !tail.EndsWith("0\r\n\r\n", StringComparison.Ordinal) : left > 0; left -= read)
                {
                    read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    tail = chunked ? (tail + Encoding.Latin1.GetString(buffer, 0, read))[^Math.Min(tail.Length + read, 16)..] : tail;
                }

                await stream.WriteAsync(Answer, _stop.Token);
            }
            catch (Exception ex) when (ex is IOException or OperationCanceledException or FormatException)
            {
                // The host gave up on this reply; nothing to answer.
            }
        }
    }
}
