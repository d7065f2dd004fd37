using System.Globalization;
using System.Text;

namespace FaqBot.Core.Knowledge.Import;

/// <summary>
/// Adds a clinic document to <c>knowledge/sources/</c> so snippets can quote it: reads the text out
/// of the file (PDF, Word, HTML, Markdown or plain text; see <see cref="SourceFormats"/>) or takes
/// pasted text, normalises it (see <c>SourceText</c>), and writes <c>sources/{id}.txt</c> with the
/// header the knowledge loader checks (its <c>sha256</c> over the text as stored, <c>received</c>
/// today). Every refusal is a <see cref="SourceImportException"/> with a message for staff, and
/// leaves the folder as it was.
/// </summary>
/// <example>
/// <code>
/// var importer = new SourceImporter(knowledgePath, new SourceImportOptions(), TimeProvider.System);
/// await using var file = File.OpenRead("leaflet.pdf");
/// var source = await importer.ImportFileAsync("leaflet.pdf", file, new SourceDetails("The clinic"));
/// Console.WriteLine(source.Id);
/// </code>
/// </example>
public sealed class SourceImporter
{
    private readonly string _sources;
    private readonly string _root;
    private readonly SourceImportOptions _options;
    private readonly TimeProvider _time;
    private readonly IReadOnlyList<SourceFormat> _formats;

    public SourceImporter(string knowledgePath, SourceImportOptions options, TimeProvider time)
        : this(knowledgePath, options, time, SourceFormats.All)
    {
    }

    /// <summary>With other readers of formats (tests: a reader that never finishes).</summary>
    internal SourceImporter(string knowledgePath, SourceImportOptions options, TimeProvider time, IReadOnlyList<SourceFormat> formats)
    {
        ArgumentNullException.ThrowIfNull(knowledgePath);
        _root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(knowledgePath));
        _sources = Path.Combine(_root, KnowledgeLoader.SourcesFolder);
        _options = options;
        _time = time;
        _formats = formats;
    }

    /// <summary>Imports an uploaded file. Its name (any folders in it are dropped) chooses the format
    /// and becomes the header's <c>originalFile</c>; the content is read up to the size limit.</summary>
    public async Task<ImportedSource> ImportFileAsync(string fileName, Stream content, SourceDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (name, format) = Check(fileName, details);
        var bytes = await ReadAsync(name, content, cancellationToken);
        return await ImportAsync(name, format, bytes, details, cancellationToken);
    }

    /// <summary>Imports a file already in memory (see the <see cref="Stream"/> overload).</summary>
    public Task<ImportedSource> ImportFileAsync(string fileName, byte[] content, SourceDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        var (name, format) = Check(fileName, details);
        if (content.Length > _options.MaxUploadBytes)
        {
            throw TooLarge(name, content.Length);
        }

        return ImportAsync(name, format, content, details, cancellationToken);
    }

    /// <summary>Imports pasted text. Without a title, the first line of the text is the title.</summary>
    public Task<ImportedSource> ImportTextAsync(string text, SourceDetails details, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        CheckDetails(details);
        var size = Encoding.UTF8.GetByteCount(text);
        if (size > _options.MaxUploadBytes)
        {
            throw TooLarge("The pasted text", size);
        }

        var body = SourceText.Normalize(text);
        return body.Length == 0
            ? throw new SourceImportException(SourceImportFailure.EmptyText, "Nothing was pasted: the text is empty.")
            : SaveAsync(body, FirstLine(body), originalFile: null, details, cancellationToken);
    }

    private async Task<ImportedSource> ImportAsync(string name, SourceFormat format, byte[] bytes, SourceDetails details, CancellationToken cancellationToken)
    {
        var extracted = await ExtractAsync(name, format, bytes, cancellationToken);
        var body = SourceText.Normalize(extracted.Text);
        if (body.Length == 0)
        {
            throw new SourceImportException(SourceImportFailure.EmptyText, $"No text found in {name}: there is nothing in it to quote.");
        }

        var title = extracted.Title ?? Path.GetFileNameWithoutExtension(name);
        return await SaveAsync(body, title, name, details, cancellationToken);
    }

    private (string Name, SourceFormat Format) Check(string fileName, SourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        CheckDetails(details);
        var name = fileName[(fileName.LastIndexOfAny(['/', '\\']) + 1)..].Trim();
        var format = SourceFormats.Find(_formats, name)
            ?? throw new SourceImportException(SourceImportFailure.UnsupportedFormat,
                $"{(name.Length == 0 ? "The file" : name)} cannot be imported: only these kinds of file can: "
                + $"{string.Join(", ", _formats.SelectMany(f => f.Extensions))}. Save it as one of them, or paste its text instead.");
        return (name, format);
    }

    private static void CheckDetails(SourceDetails details)
    {
        ArgumentNullException.ThrowIfNull(details);
        if (OneLine(details.Publisher) is null)
        {
            throw new SourceImportException(SourceImportFailure.MissingPublisher, "Say who published the document: a publisher is required.");
        }

        if (details.Id is { } id && !SourceIds.IsValid(id))
        {
            throw new SourceImportException(SourceImportFailure.InvalidId,
                $"'{id}' cannot be a source id: use 3 to 64 lower-case letters, digits and hyphens, starting and ending with a letter or digit.");
        }

        if (!string.IsNullOrWhiteSpace(details.Url)
            && !(Uri.TryCreate(details.Url.Trim(), UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps) && url.Host.Contains('.', StringComparison.Ordinal)))
        {
            throw new SourceImportException(SourceImportFailure.InvalidUrl,
                $"'{details.Url.Trim()}' is not a web address: give the page's address starting with https:// (or http://), or leave it out.");
        }
    }

    private async Task<byte[]> ReadAsync(string name, Stream content, CancellationToken cancellationToken)
    {
        if (content.CanSeek && content.Length - content.Position > _options.MaxUploadBytes)
        {
            throw TooLarge(name, content.Length - content.Position);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > _options.MaxUploadBytes)
            {
                throw TooLarge(name, null);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the text on a thread of its own: the parsers cannot be interrupted, so past
    /// the time limit the caller is answered and the reading is abandoned (its result ignored).</summary>
    private async Task<ExtractedText> ExtractAsync(string name, SourceFormat format, byte[] bytes, CancellationToken cancellationToken)
    {
        var reading = Task.Run(() => format.Read(bytes), CancellationToken.None);
        try
        {
            return await reading.WaitAsync(TimeSpan.FromMilliseconds(_options.ExtractionTimeoutMilliseconds), _time, cancellationToken);
        }
        catch (TimeoutException)
        {
            Abandon(reading);
            var seconds = _options.ExtractionTimeoutMilliseconds / 1000.0;
            throw new SourceImportException(SourceImportFailure.TimedOut, string.Create(CultureInfo.InvariantCulture,
                $"Reading {name} took longer than {seconds:0.#} seconds, so it was stopped: the file may be damaged or very complex. Paste the text instead."));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            Abandon(reading);
            throw;
        }
        catch (SourceImportException)
        {
            throw;
        }
        catch (Exception ex)
        {
            throw new SourceImportException(SourceImportFailure.Unreadable,
                $"{name} could not be read: it is damaged, protected by a password, or not really a {format.Name} file. "
                + "Open it and save it again, or paste its text instead.", ex);
        }
    }

    private static void Abandon(Task reading) =>
        reading.ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private async Task<ImportedSource> SaveAsync(string body, string fallbackTitle, string? originalFile, SourceDetails details, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_root))
        {
            throw new DirectoryNotFoundException($"No knowledge folder at {_root}.");
        }

        Directory.CreateDirectory(_sources);
        var sha256 = SourceText.Sha256(body);
        var existing = KnowledgeLoader.LoadSources(_sources, Path.GetDirectoryName(_root) ?? _root, []);
        if (existing.Values.FirstOrDefault(s => SourceText.Sha256(SourceText.Normalize(s.Text)) == sha256) is { } same)
        {
            throw new SourceImportException(SourceImportFailure.AlreadyImported,
                $"This text is already the source '{same.Id}' (\"{same.Title}\"): snippets can quote that one.");
        }

        var title = OneLine(details.Title) ?? OneLine(fallbackTitle) ?? "Untitled document";
        var taken = Directory.GetFiles(_sources, "*.txt").Select(Path.GetFileNameWithoutExtension).Concat(existing.Keys)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var url = string.IsNullOrWhiteSpace(details.Url) ? null : details.Url.Trim();
        var publisher = OneLine(details.Publisher)!;
        var received = _time.Today();
        for (var attempt = 1; ; attempt++)
        {
            var id = details.Id ?? SourceIds.FirstFree(SourceIds.Slug(title), taken.Contains);
            if (taken.Contains(id))
            {
                throw IdTaken(id);
            }

            var path = Path.Combine(_sources, id + ".txt");
            if (await SourceFile.WriteNewAsync(path, SourceFile.Render(id, title, publisher, url, received, originalFile, sha256, body), cancellationToken))
            {
                return new ImportedSource(id, title, path, sha256, body.Length);
            }

            // Another import took the id meanwhile: a chosen id is refused, a made-up one moves on.
            if (details.Id is not null || attempt == 3)
            {
                throw IdTaken(id);
            }

            taken.Add(id);
        }
    }

    private static SourceImportException IdTaken(string id) =>
        new(SourceImportFailure.IdTaken, $"The source id '{id}' is already taken (knowledge/sources/{id}.txt): choose another id.");

    private SourceImportException TooLarge(string what, long? size) =>
        new(SourceImportFailure.TooLarge,
            $"{what} is too large to import ({(size is { } s ? Size(s) + "; " : "")}the limit is {Size(_options.MaxUploadBytes)}). "
            + "Import the part the answers need, or paste its text instead.");

    private static string Size(long bytes) => bytes >= 1024 * 1024
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024.0):0.#} MB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB");

    /// <summary>Whitespace collapsed and control characters dropped; null when nothing is left.</summary>
    private static string? OneLine(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var words = SourceText.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? null : string.Join(' ', words);
    }

    /// <summary>The first line of pasted text, cut at a word to 80 characters.</summary>
    private static string FirstLine(string body)
    {
        var line = body[..(body.IndexOf('\n') is var end and >= 0 ? end : body.Length)].Trim();
        if (line.Length <= 80)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', 80);
        return line[..(cut > 20 ? cut : 80)].TrimEnd() + "...";
    }
}
