using System.Text;

namespace FaqBot.Cli.Users;

/// <summary>Reads a password from standard input, never from the command line. Piped or redirected
/// input gives its first line; at a terminal the password is typed without echo, twice.</summary>
internal static class PasswordInput
{
    public static string? Read(TextWriter prompt)
    {
        if (Console.IsInputRedirected)
        {
            return Console.In.ReadLine()?.TrimEnd('\r');
        }

        var first = ReadHidden(prompt, "Password (not shown): ");
        var second = ReadHidden(prompt, "Repeat the password: ");
        if (first != second)
        {
            throw new InvalidDataException("The two passwords differ; nothing was changed.");
        }

        return first;
    }

    private static string ReadHidden(TextWriter prompt, string question)
    {
        prompt.Write(question);
        prompt.Flush();
        var typed = new StringBuilder();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
            {
                prompt.WriteLine();
                return typed.ToString();
            }

            if (key.Key == ConsoleKey.Backspace)
            {
                typed.Length = Math.Max(0, typed.Length - 1);
            }
            else if (!char.IsControl(key.KeyChar))
            {
                typed.Append(key.KeyChar);
            }
        }
    }
}
