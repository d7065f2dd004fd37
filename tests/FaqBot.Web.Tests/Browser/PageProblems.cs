using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace FaqBot.Web.Tests.Browser;

/// <summary>What went wrong on the pages of a test: script errors, console errors (and, when asked,
/// every console warning; Web Chat's own warnings always count), and HTTP responses of 400 and above
/// other than those the test expects.</summary>
public sealed class PageProblems(ITestOutputHelper output, bool warningsCount = false)
{
    private readonly List<string> _problems = [];
    private readonly List<(int Status, string Path)> _expected = [];

    /// <summary>A response the test provokes on purpose (a refused form, say): status and URL path.</summary>
    public void Expect(int status, string path)
    {
        lock (_problems)
        {
            _expected.Add((status, path));
        }
    }

    public IPage Watch(IPage page)
    {
        page.Console += (_, message) =>
        {
            if (message.Type is "error" or "warning")
            {
                output.WriteLine($"console {message.Type}: {message.Text} ({message.Location})");
            }

            // Web Chat warns (console.warn) about activities it cannot use, e.g. an invalid schema.org entity.
            if ((message.Type == "error" || message.Type == "warning" && warningsCount
                || message.Text.StartsWith("botframework-webchat:", StringComparison.Ordinal))
                && !IsExpectedFailedLoad(message))
            {
                Record($"console {message.Type}: {message.Text} ({message.Location})");
            }
        };
        page.PageError += (_, error) => Record($"page error: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 400 && !IsExpected(response.Status, response.Url))
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

    private bool IsExpected(int status, string url)
    {
        var path = new Uri(url).AbsolutePath;
        lock (_problems)
        {
            return _expected.Any(e => e.Status == status && string.Equals(e.Path, path, StringComparison.Ordinal));
        }
    }

    // The browser logs a failed load as a console error naming the status, located at "URL:line:column".
    private bool IsExpectedFailedLoad(IConsoleMessage message)
    {
        const string prefix = "Failed to load resource: the server responded with a status of ";
        if (message.Type != "error" || !message.Text.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var digits = new string(message.Text[prefix.Length..].TakeWhile(char.IsDigit).ToArray());
        var url = Regex.Replace(message.Location, @":\d+:\d+$", "");
        return int.TryParse(digits, out var status) && Uri.IsWellFormedUriString(url, UriKind.Absolute) && IsExpected(status, url);
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
