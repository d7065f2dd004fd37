using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;
using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Privacy;

/// <summary>Removes personal details from patient text before it is stored: each detail found is
/// replaced by a typed placeholder (<c>[phone]</c>, <c>[name]</c>, ...), everything around it is
/// kept as written. Where details overlap the longest wins, then the more specific kind. Redacting
/// redacted text changes nothing. When a pattern times out the whole text is withheld as
/// <c>[redacted]</c>: the original is never passed through unexamined. Thread-safe; register one.</summary>
public sealed class Redactor
{
    /// <summary>Every kind of detail, most specific first (on a tie, the earlier wins).</summary>
    private static DetailFinder[] FindersFor(RedactionOptions options) =>
    [
        CardNumberDetector.Finder,
        SocialSecurityNumberDetector.Finder,
        EmailDetector.Finder,
        DateOfBirthDetector.Finder,
        DateDetector.Finder,
        IdNumberDetector.Finder,
        new PhoneDetector(options.ActivePhoneRegions).Finder,
        OnlineIdDetector.Finder,
        AddressDetector.Finder,
        NameDetector.Finder,
        WorkplaceDetector.Finder,
    ];

    /// <summary>A longer detail hides a shorter one it overlaps ("12 Oak Street#4111 1111 1111 1111":
    /// the card wins over "12 Oak Street#4111"); the text is read again until nothing more is found,
    /// which is also why redacting redacted text changes nothing. A second reading rarely finds
    /// anything, a third almost never.</summary>
    private const int MaxPasses = 4;

    private static readonly Lazy<Redactor> DefaultRedactor = new(() => new Redactor(new RedactionOptions()));

    private readonly DetailFinder[] _finders;

    /// <summary>Whether a name found once is removed at its other mentions too (<see cref="NameEchoes"/>).</summary>
    private readonly bool _echoNames;

    public Redactor(RedactionOptions options)
        : this(options, FindersFor(options))
    {
    }

    /// <summary>The rules, and <paramref name="names"/> reading names besides them when given.</summary>
    internal Redactor(RedactionOptions options, NameRecogniser? names)
        : this(options, names is null ? FindersFor(options) : [.. FindersFor(options), names.Finder])
    {
    }

    /// <summary>A redactor whose names are read by the rules and by the name model in the file
    /// <paramref name="nameModel"/> (written by <c>faqbot train-names</c>) on the embedded MiniLM.</summary>
    /// <exception cref="InvalidDataException">The file is not a name model this build reads.</exception>
    public static Redactor WithNameModel(RedactionOptions options, string nameModel)
    {
        using var stream = File.OpenRead(nameModel);
        return new Redactor(options, NameRecogniser.Read(stream, WordVectorEncoder.Load(SentenceModel.MiniLm, threads: 1)));
    }

    /// <summary>Runs the given finders (tests use it to make one time out).</summary>
    internal Redactor(RedactionOptions options, IReadOnlyList<DetailFinder> finders)
    {
        ArgumentNullException.ThrowIfNull(options);
        _finders = [.. finders.Where(f => options.IsOn(f.Kind))];
        _echoNames = options.IsOn(RedactionKind.Name);
        WarmUp();
    }

    /// <summary>A redactor with every kind on, made on first use.</summary>
    public static Redactor Default => DefaultRedactor.Value;

    /// <summary>The text with every detail replaced by its placeholder; null and empty come back as they are.</summary>
    [return: NotNullIfNotNull(nameof(text))]
    public string? Redact(string? text) => string.IsNullOrEmpty(text) ? text : Analyze(text).Text;

    /// <summary>The redacted text and the kind of each detail removed (null is read as empty).</summary>
    public RedactionResult Analyze(string? text)
    {
        if (string.IsNullOrEmpty(text) || _finders.Length == 0)
        {
            return new RedactionResult(text ?? string.Empty, []);
        }

        var redacted = new RedactedText(text);
        try
        {
            for (var pass = 0; pass < MaxPasses; pass++)
            {
                var found = new List<Detected>();
                foreach (var finder in _finders)
                {
                    finder.Find(redacted.Text, found);
                }

                if (found.Count == 0)
                {
                    break;
                }

                var kept = Resolve(found);
                redacted.Replace(_echoNames ? NameEchoes.Add(redacted.Text, kept) : kept);
            }
        }
        catch (RegexMatchTimeoutException)
        {
            return RedactionResult.Withheld;
        }

        return new RedactionResult(redacted.Text, redacted.Kinds) { Spans = redacted.Spans };
    }

    /// <summary>Runs every regex once, and every finder, so that compiling the regexes to machine
    /// code (which can take longer than the time limit on a busy host) and loading the word list
    /// happen here rather than inside the time limit of the first patient messages. The sample
    /// holds what each regex starts with.</summary>
    private void WarmUp()
    {
        const string Sample = "My name is Jane Doe, I'm Calling, DOB 03/14/1985, jane@example.com or jane at gmail dot com, "
            + "card 4111 1111 1111 1111, ssn 123-45-6789, last four of my social is 6789, member id A1234567, "
            + "I live at 1 Main St Apt 2, PO Box 3, call 555-123-4567 or +44 20 7946 0958, 3/14/85 is my birthday, "
            + "I'm the head nurse at Mercy General, I work at Lutz & Co as their paralegal.";
        var found = new List<Detected>();
        foreach (var finder in _finders)
        {
            foreach (var regex in finder.Patterns)
            {
                TimeLimited(() => regex.Match(Sample));
            }

            TimeLimited(() => finder.Find(Sample, found));
        }

        static void TimeLimited(Action run)
        {
            try
            {
                run();
            }
            catch (RegexMatchTimeoutException)
            {
                // The first run of a regex includes compiling it; later runs are held to the limit.
            }
        }
    }

    /// <summary>Keeps the longest of overlapping details (on a tie, the more specific kind; a weak
    /// detail only where no other overlaps it) and
    /// returns the kept ones in text order.</summary>
    private List<Detected> Resolve(List<Detected> found)
    {
        found.Sort((a, b) => a.Weak != b.Weak ? a.Weak.CompareTo(b.Weak)
            : a.Length != b.Length ? b.Length.CompareTo(a.Length)
            : a.Kind != b.Kind ? Specificity(a.Kind).CompareTo(Specificity(b.Kind))
            : a.Start.CompareTo(b.Start));
        var kept = new List<Detected>(found.Count);
        foreach (var detail in found)
        {
            if (!kept.Exists(k => k.Overlaps(detail)))
            {
                kept.Add(detail);
            }
        }

        kept.Sort((a, b) => a.Start.CompareTo(b.Start));
        return kept;
    }

    private int Specificity(RedactionKind kind) => Array.FindIndex(_finders, f => f.Kind == kind);
}
