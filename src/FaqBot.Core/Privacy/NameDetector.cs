using System.Text.RegularExpressions;

namespace FaqBot.Core.Privacy;

/// <summary>Names people give, found after a cue and read word by word (up to four name words,
/// plus joining particles: "Mary-Jane O'Neil", "Maria de la Cruz"; a possessive 's stays).
/// <list type="bullet">
/// <item>Explicit cues ("my name is", "her name's", "name:", "last name is", "named", "goes by"): the next words
/// in any case ("my name is jane doe"), up to punctuation or a function word ("and", "i", "my").</item>
/// <item>Weak cues ("I'm", "I am", "this is", "call me", "my wife/son/friend ..."): a capitalised
/// word that is neither a function word nor an ordinary one ("I'm Worried", "I am Nervous", "I'm
/// Not sure" stay), see <see cref="NameWords"/>; following words must be capitalised too.</item>
/// <item>Titles, as written ("Mr.", "Mrs", "Ms", "Miss"; not "MS" or "miss"): a capitalised word
/// that is not a function word ("Mrs. White" is a name).</item>
/// </list></summary>
internal static class NameDetector
{
    private const int MaxNameWords = 4;

    private const string Relatives =
        "wife|husband|spouse|partner|son|daughter|child|kid|mother|mom|mum|father|dad|sister|brother|friend|boyfriend|"
        + "girlfriend|fianc[eé]e?|caregiver|aunt|uncle|grandmother|grandma|grandfather|grandpa|cousin|niece|nephew|"
        + "roommate|neighbou?r|sponsor|therapist|driver";

    /// <summary>Every branch starts with a literal word, which keeps the search fast; that the cue is
    /// not inside a placeholder or after an apostrophe is checked in code (<see cref="StartsAWord"/>).</summary>
    private static readonly Regex Cue = RedactionPatterns.Create(
        @"(?i)\b(?:(?<explicit>my[ \t]+name(?:[ \t]+is\b|['’]s\b|[ \t]*[:\-–])|name(?:[ \t]+is\b|['’]s\b|[ \t]*:|d\b)|go(?:es)?[ \t]+by\b"
        + @"|(?:full|first|last|legal|given|family|middle|patient['’]?s?|sur)[ \t]*name\b(?:[ \t]+is\b|[ \t]*[:\-–])?)"
        + @"|(?<relative>my[ \t]+(?:" + Relatives + @")(?:(?<called>[ \t]+is[ \t]+named|[ \t]+named|[ \t]+called)|(?![a-z]))[ \t]*,?)"
        + @"|(?<title>(?-i:M(?:rs?|s|x|iss))\b\.?)"
        + @"|(?<weak>i(?:['’]?m|[ \t]+am)\b|this[ \t]+is\b|call[ \t]+me\b))");

    private enum Strength
    {
        /// <summary>Any case; only function words end the name.</summary>
        Explicit,

        /// <summary>Capitalised; function words end the name.</summary>
        Title,

        /// <summary>Capitalised; function and ordinary words end the name.</summary>
        Weak,
    }

    private static readonly int ExplicitGroup = Cue.GroupNumberFromName("explicit");
    private static readonly int CalledGroup = Cue.GroupNumberFromName("called");
    private static readonly int TitleGroup = Cue.GroupNumberFromName("title");

    public static DetailFinder Finder { get; } = new(RedactionKind.Name, Find, [Cue]);

    public static void Find(string text, List<Detected> found)
    {
        for (var match = Cue.Match(text); match.Success;)
        {
            if (!StartsAWord(text, match.Index))
            {
                match = Cue.Match(text, match.Index + 1);
                continue;
            }

            var strength = match.Groups[ExplicitGroup].Success || match.Groups[CalledGroup].Success ? Strength.Explicit
                : match.Groups[TitleGroup].Success ? Strength.Title
                : Strength.Weak;
            if (ReadName(text, match.Index + match.Length, strength) is { } name)
            {
                found.Add(name);
            }

            match = match.NextMatch();
        }

        NameContextDetector.Find(text, found);
        NameContextDetector.FindJoins(text, found);
    }

    /// <summary>Not inside a word, and not inside a placeholder ("[name]").</summary>
    private static bool StartsAWord(string text, int at) =>
        at == 0 || !(char.IsLetterOrDigit(text[at - 1]) || text[at - 1] is '[' or '\'' or '’' or '_');

    /// <summary>The name starting at <paramref name="at"/> (after spaces, a colon or dash, and a
    /// title such as "Dr."), or null when the first word cannot be a name.</summary>
    private static Detected? ReadName(string text, int at, Strength strength)
    {
        at = SkipSpaces(text, at);
        if (at < text.Length && text[at] is ':' or '-' or '–')
        {
            at = SkipSpaces(text, at + 1);
        }

        var (start, end) = Word(text, at);
        if (end > start && NameWords.IsTitle(text[start..end]) && strength != Strength.Title)
        {
            at = end < text.Length && text[end] == '.' ? end + 1 : end;
            at = SkipSpaces(text, at);
            (start, end) = Word(text, at);
            strength = Strength.Title;
        }

        if (end == start || !EndsAWord(text, end) || !CanBeName(text[start..end], first: true, firstCapitalised: true, strength))
        {
            return null;
        }

        var firstCapitalised = char.IsUpper(text[start]);
        var nameEnd = end;
        var words = 1;
        var pending = end;
        while (words < MaxNameWords && !EndsPossessive(text, start, nameEnd))
        {
            var next = SkipSpaces(text, pending);
            if (next == pending || next >= text.Length)
            {
                break;
            }

            var (wordStart, wordEnd) = Word(text, next);
            if (wordEnd == wordStart || !EndsAWord(text, wordEnd))
            {
                break;
            }

            // A particle or a middle initial ("John Q. Public") joins the name only when a name word follows.
            var word = text[wordStart..wordEnd];
            var dotted = wordEnd < text.Length && text[wordEnd] == '.';
            if (NameWords.IsParticle(word) || (word.Length == 1 && char.IsUpper(word[0]) && (dotted || word != "I")))
            {
                pending = dotted && word.Length == 1 ? wordEnd + 1 : wordEnd;
                continue;
            }

            // A word before a colon labels the next field ("Jane Doe DOB: ..."), it is no name.
            if ((wordEnd < text.Length && text[wordEnd] == ':') || !CanBeName(word, first: false, firstCapitalised, strength))
            {
                break;
            }

            nameEnd = wordEnd;
            pending = wordEnd;
            words++;
        }

        if (EndsPossessive(text, start, nameEnd))
        {
            nameEnd -= 2;
        }

        // "I'm Frank about my history": a given name that is also a word, going on into the sentence, is the word.
        if (strength == Strength.Weak && words == 1 && NameLexicon.Evidence(text[start..end]) == NameEvidence.WordName && GoesOn(text, nameEnd))
        {
            return null;
        }

        return new Detected(start, nameEnd - start, RedactionKind.Name);
    }

    /// <summary>A lower-case word follows, other than one that goes with a name ("and", "from", "here").</summary>
    private static bool GoesOn(string text, int end)
    {
        var next = SkipSpaces(text, end);
        var (start, wordEnd) = Word(text, next);
        return next > end && wordEnd > start && char.IsLower(text[start])
            && text[start..wordEnd] is not ("and" or "from" or "here" or "again" or "calling" or "writing" or "btw");
    }

    private static bool CanBeName(string word, bool first, bool firstCapitalised, Strength strength)
    {
        var bare = StripPossessive(word);
        if (bare.Length == 0 || NameWords.IsFunction(bare))
        {
            return false;
        }

        // "Grace-ful", "Will-ing": a word joined to a name-like word is still a word; after a weak
        // cue, an everyday word is the word ("my therapist Said", "I'm Deaf") and "im Mai" is German.
        if ((bare.Contains('-') && NameLexicon.Evidence(bare) == NameEvidence.Common)
            || (strength == Strength.Weak && first && NameLexicon.Evidence(bare) is NameEvidence.Stop or NameEvidence.Common))
        {
            return false;
        }

        var capitalised = char.IsUpper(bare[0]);
        return strength switch
        {
            Strength.Explicit => (first || capitalised || !firstCapitalised) && (first || !NameWords.IsOrdinary(bare)),
            Strength.Title => capitalised,
            _ => capitalised && !NameWords.IsOrdinary(bare),
        };
    }

    /// <summary>Letters, with apostrophes and hyphens inside ("O'Neil", "Mary-Jane"; a placeholder
    /// counts as letters, see <see cref="RedactionPatterns"/>).</summary>
    private static (int Start, int End) Word(string text, int at)
    {
        var end = at;
        while (end < text.Length
            && (char.IsLetter(text[end])
                || (end > at && text[end] is '\'' or '’' or '-' && end + 1 < text.Length && (char.IsLetter(text[end + 1]) || text[end + 1] == '['))))
        {
            end++;
        }

        return (at, end);
    }

    /// <summary>Not glued to a digit, an underscore, an at sign, a placeholder or a dotted part:
    /// "MARIA_L+x@mail.org" and "jane.doe@mail.org" are addresses, not names.</summary>
    private static bool EndsAWord(string text, int end) =>
        end == text.Length
        || !(char.IsDigit(text[end]) || text[end] is '_' or '@' or '['
            || (text[end] == '.' && end + 1 < text.Length && (char.IsLetterOrDigit(text[end + 1]) || text[end + 1] == '[')));

    private static int SkipSpaces(string text, int at)
    {
        while (at < text.Length && text[at] is ' ' or '\t')
        {
            at++;
        }

        return at;
    }

    private static bool EndsPossessive(string text, int start, int end) =>
        end - start > 3 && text[end - 1] is 's' && text[end - 2] is '\'' or '’';

    private static string StripPossessive(string word) =>
        word.Length > 2 && word[^1] == 's' && word[^2] is '\'' or '’' ? word[..^2] : word;
}
