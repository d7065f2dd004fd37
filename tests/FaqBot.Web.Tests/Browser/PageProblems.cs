using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>What went wrong on the pages of a test: script errors, console errors (and, when asked,
/// every console warning; Web Chat's own warnings always count), and HTTP responses of 400 and above.</summary>
public sealed class PageProblems(ITestOutputHelper output, bool warningsCount = false)
{
    private readonly List<string> _problems = [];

    public IPage Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text} ({message.Location})");
            }

            // Web Chat warns (console.warn) about activities it cannot use, e.g. an invalid schema.org entity.
            if (message.Type == "error" || message.Type == "warning" && warningsCount
                || message.Text.StartsWith("botframework-webchat:", StringComparison.Ordinal))
            {
                Record($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                Record($"HTTP {response.Status} {response.Request.Method} {response.Url}");
            }
        };
        return page;
    }

    public void AssertNone()
    {
        lock (_problems)
        {
            Assert.True(_problems.Count == 0, "The pages had errors:\n" + string.Join("\n", _problems));
        }
    }

    private void Record(string problem)
    {
        output.WriteLine(problem);
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
