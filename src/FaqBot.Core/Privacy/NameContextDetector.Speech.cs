namespace FaqBot.Core.Privacy;

/// <summary>The rules of <see cref="NameContextDetector"/> that read a name from how people speak
/// of each other: a greeting ("Hi Grace,"), the writer's company ("Mark and I", "me and Rose",
/// "(me, Haruto)"), the last words after a comma ("..., Dmitri"), an apposition ("Noreen, my mum"),
/// a given name that is also a word with 's or before a verb only a person does ("Will's driving
/// me", "Grace asked me to write"), a capitalised given name alone inside a sentence ("I think
/// Priya needs a ride"), and an initial before a surname ("- P. Gagnon").</summary>
internal static partial class NameContextDetector
{
    /// <summary>Words before a place where a lone word after a comma is the place, not a name ("I live in Lagos, Ikeja").</summary>
    private static readonly HashSet<string> LivingIn = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "from", "around", "outside", "live", "lives", "living", "based", "moved", "visiting",
    };

    private sealed partial class Reader
    {
        /// <summary>A second name joined to one just read: "Amara and Tobi", "Priya &amp; Dev" (a given
        /// name, a given name that is also a word, or an unknown word, capitalised).</summary>
        public (int Start, int End) NameAfterAnd(int end)
        {
            // "&" is no token: after it, the name starts at the token that follows the first name.
            var start = end >= tokens.Count || !capitalsInform ? -1
                : Is(end, "and") && Gap(end - 1, end).Trim().Length == 0 ? end + 1
                : Gap(end - 1, end).Trim() is "&" ? end : -1;
            if (start < 0 || start >= tokens.Count || (start > end && Gap(end, start).Trim().Length > 0) || !tokens[start].Upper || IsMonth(start)
                || Evidence(start) is not (NameEvidence.Given or NameEvidence.WordName or NameEvidence.Unknown))
            {
                return (-1, -1);
            }

            return Read(start, Allow.WordName) is var last and > 0 && !NamesAPlace(last) ? (start, last) : (-1, -1);
        }

        /// <summary>The name starting at token <paramref name="i"/> read by one of the rules of speech, or -1.</summary>
        private int Spoken(int i)
        {
            // "this is zanele from ...", "hi im kaveh": a given name after an intro that opens the message, in any case.
            if ((IntroducesAtOpening(i) || SelfIntroAtOpening(i)) && Evidence(i) is NameEvidence.Given && Read(i, Allow.Lower) is var intro and > 0)
            {
                return intro;
            }

            // "hey its dre, my number changed", "its mo (mohammed) again", "hey its grace from tuesday's
            // group": after "it's" opening the message, one word that is no everyday word, or a given
            // name that is also one, when its phrase ends there.
            if (IntroducesAtOpening(i) && !tokens[i].Upper && Evidence(i) is NameEvidence.Unknown or NameEvidence.WordName && !IsMonth(i)
                && tokens[i].Text.Length >= 2 && !NameLexicon.IsElongated(tokens[i].Text)
                && (ClosesPhrase(i + 1) || Gap(i, Math.Min(i + 1, tokens.Count)).TrimStart().StartsWith('(') || IsAny(i + 1, "from", "here", "again")))
            {
                return i + 1;
            }

            // "bogdan said the IV hurt": a given name in lower case opening a clause, before a verb only a person does.
            if (StartsClause(i) && !tokens[i].Upper && Evidence(i) is NameEvidence.Given && i + 1 < tokens.Count && JoinsName(i + 1)
                && PersonVerbs.Contains(tokens[i + 1].Text))
            {
                return i + 1;
            }

            // "my neighbor bill and he said", "my sister grace, she": a given name that is also a word,
            // in lower case after a relation, where a verb could not stand.
            if (AfterRelation(i) && !tokens[i].Upper && Evidence(i) is NameEvidence.WordName && !IsMonth(i) && i + 1 < tokens.Count
                && (Gap(i, i + 1).Trim() is "," or "(" || (JoinsName(i + 1) && IsAny(i + 1, "said", "says", "told", "asked", "who"))
                    || (JoinsName(i + 1) && Is(i + 1, "and") && IsAny(i + 2, "he", "she", "his", "her", "i", "they"))))
            {
                return i + 1;
            }

            if (OwnerOfRelation(i) is var owner and > 0)
            {
                return owner;
            }

            // "this is Mark re: billing", "it's Will, ...": a capitalised given name that is also a word, alone in its phrase.
            if (IntroducesAtOpening(i) && capitalsInform && tokens[i].Upper && !tokens[i].AllUpper && Evidence(i) is NameEvidence.WordName && !IsMonth(i)
                && Read(i, Allow.WordName) is var wordName and > 0 && (ClosesPhrase(wordName) || IsAny(wordName, "re", "from", "here", "again", "calling")))
            {
                return wordName;
            }

            if (AfterGreeting(i) is var greeted and > 0)
            {
                return greeted;
            }

            if (BesideTheWriter(i) is var beside and > 0)
            {
                return beside;
            }

            if (AfterMe(i) is var named and > 0)
            {
                return named;
            }

            if (AfterLastComma(i) is var last and > 0)
            {
                return last;
            }

            if (InApposition(i) is var apposed and > 0)
            {
                return apposed;
            }

            if (WordNameAsPerson(i) is var person and > 0)
            {
                return person;
            }

            if (NameAndAge(i) is var introduced and > 0)
            {
                return introduced;
            }

            return LoneGivenName(i);
        }

        /// <summary>After the greeting that opens the message: "Hi Grace,", "Dear Ngaire", "hello aisha!"
        /// (a word of address such as "po", "sir" or "team" is no name, see <see cref="NameLexicon"/>).</summary>
        private int AfterGreeting(int i) =>
            i > 0 && (OpensMessage(i) && Greetings.Contains(tokens[i - 1].Text) || FromAfterGreeting(i)) && Addressable(i)
            && Read(i, Allow.Lower | Allow.WordName) is var end and > 0 && ClosesPhrase(end) ? end : -1;

        /// <summary>"Hi from Keoni,": the writer's name after a greeting and "from" (not a place: "hi from Denver").</summary>
        private bool FromAfterGreeting(int i) =>
            i > 1 && Is(i - 1, "from") && OpensMessage(i - 1) && Greetings.Contains(tokens[i - 2].Text) && Gap(i - 1, i).Trim().Length == 0
            && Evidence(i) is NameEvidence.Given or NameEvidence.WordName or NameEvidence.Unknown;

        /// <summary>"Mark and I are both interested", "aisha &amp; me", "me and Rose".</summary>
        private int BesideTheWriter(int i)
        {
            // A given name in lower case opening a clause counts too ("victor and I are both interested");
            // a given name that is also a word only beside an "i" written in lower case, by a writer who
            // writes no capitals for people ("hope and i are both interested", not "mark and I know").
            var lowerGiven = StartsClause(i) && !tokens[i].Upper && Evidence(i) is NameEvidence.Given;
            var lowerWordName = StartsClause(i) && !tokens[i].Upper && Evidence(i) is NameEvidence.WordName && !IsMonth(i);
            if (!(Addressable(i) || lowerGiven || lowerWordName) || Read(i, Allow.Lower | Allow.WordName) is not (> 0 and var end))
            {
                return -1;
            }

            if (lowerWordName && !(Addressable(i) || lowerGiven))
            {
                return end + 1 < tokens.Count && Is(end, "and") && tokens[end + 1].Text is "i" && Gap(end - 1, end) is " " && Gap(end, end + 1) is " " ? end : -1;
            }

            if (i > 1 && Is(i - 1, "and") && Is(i - 2, "me") && Gap(i - 2, i - 1).Trim().Length == 0 && Gap(i - 1, i).Trim().Length == 0)
            {
                return end;
            }

            if (end >= tokens.Count)
            {
                return -1;
            }

            var link = Is(end, "and") && Gap(end - 1, end).Trim().Length == 0 ? end + 1 : Gap(end - 1, end).Trim() is "&" ? end : -1;
            return link > 0 && link < tokens.Count && (link == end || Gap(end, link).Trim().Length == 0)
                && (tokens[link].Text is "I" or "i" || Is(link, "me") || Is(link, "myself")) ? end : -1;
        }

        /// <summary>"(me, Haruto)", "it's me, Grace!": a name set beside "me".</summary>
        private int AfterMe(int i) =>
            i > 0 && Is(i - 1, "me") && (Gap(i - 1, i).Trim() is "," or "-" or "–" or "—" || (i > 1 && Gap(i - 1, i).Trim().Length == 0 && IsAny(i - 2, "it's", "it’s", "its")))
            && Addressable(i)
            && Read(i, Allow.Lower | Allow.WordName) is var end and > 0 && ClosesPhrase(end) ? end : -1;

        /// <summary>The last words of the message, after a comma: "email is [email], Dmitri", "see
        /// you soon, aisha". A given name in any case, a given name that is also a word or an unknown
        /// word when capitalised (not a place: "I live in Lagos, Ikeja").</summary>
        private int AfterLastComma(int i)
        {
            if (i == 0 || Gap(i - 1, i).Trim() is not "," || Read(i, Allow.Lower | Allow.WordName) is not (> 0 and var end) || !IsLastWords(end))
            {
                return -1;
            }

            var capitalised = tokens[i].Upper && capitalsInform;
            return Evidence(i) switch
            {
                NameEvidence.Given => end,
                NameEvidence.WordName when capitalised && !IsMonth(i) => end,
                NameEvidence.Unknown when capitalised && !Enumerable.Range(Math.Max(0, i - 4), Math.Min(i, 4)).Any(k => LivingIn.Contains(tokens[k].Text)) => end,
                _ => -1,
            };
        }

        /// <summary>"Noreen, my mum, will call", "rose (my wife) asked me", "Rose is my wife": a name that a relation word explains.</summary>
        private int InApposition(int i)
        {
            if (!StartsClause(i) || IsMonth(i) || Read(i, Allow.Lower | Allow.WordName) is not (> 0 and var end) || end + 1 >= tokens.Count)
            {
                return -1;
            }

            var gap = Gap(end - 1, end).Trim();
            var at = gap is "," or "(" ? end : gap.Length == 0 && (Is(end, "is") || Is(end, "was")) ? end + 1 : -1;
            return at > 0 && at + 1 < tokens.Count && Determiners.Contains(tokens[at].Text) && tokens[at].Text is not ("the" or "a" or "an")
                && Relations.Contains(tokens[at + 1].Text) && Gap(at, at + 1).Trim().Length == 0 ? end : -1;
        }

        /// <summary>"kenji's wife here", "amira's mum again", "I'm Jo-Ann's daughter": a word that is no
        /// everyday word (or a given name) with 's, before a relation word; in lower case only opening a
        /// clause or after "I'm", "is".</summary>
        private int OwnerOfRelation(int i)
        {
            if (!EndsPossessive(tokens[i].Text) || i + 1 >= tokens.Count || !JoinsName(i + 1) || !Relations.Contains(tokens[i + 1].Text)
                || GenericPersons.Contains(tokens[i + 1].Text) || IsMonth(i)
                || WordEvidence(tokens[i].Text[..^2]) is not (NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper or NameEvidence.WordName))
            {
                return -1;
            }

            var capitalised = capitalsInform && tokens[i].Upper && !tokens[i].AllUpper;
            return capitalised || StartsClause(i) || IsAny(i - 1, "i'm", "i’m", "im", "am", "is", "was") ? i + 1 : -1;
        }

        /// <summary>A given name that is also a word, capitalised, where only a person fits: with 's
        /// ("Will's going to drive me", not after "the" or "my"), or before a verb only a person does
        /// ("Grace asked me to write", "earlier today Faith told me").</summary>
        private int WordNameAsPerson(int i)
        {
            if (!capitalsInform || !tokens[i].Upper || tokens[i].AllUpper || Evidence(i) is not NameEvidence.WordName || IsMonth(i)
                || (i > 0 && Determiners.Contains(tokens[i - 1].Text)))
            {
                return -1;
            }

            // "Victoria's Secret", "Grey's Anatomy": a brand or a title.
            if (EndsPossessive(tokens[i].Text))
            {
                return i + 1 < tokens.Count && JoinsName(i + 1) && tokens[i + 1].Upper ? -1 : i + 1;
            }

            return i + 1 < tokens.Count && JoinsName(i + 1) && PersonVerbs.Contains(tokens[i + 1].Text) ? i + 1 : -1;
        }

        /// <summary>A capitalised given name alone, in a text whose capitals say something: "I think
        /// Priya needs a ride", "Karthik will call". Not after a word that leads to a place ("in
        /// Sofia", "San Diego", "St Luke's"), not inside a longer capitalised name ("Trader Joe's",
        /// "Charles River"), not before a place word ("Elizabeth street").</summary>
        private int LoneGivenName(int i)
        {
            if (!capitalsInform || !tokens[i].Upper || tokens[i].AllUpper || Evidence(i) is not NameEvidence.Given)
            {
                return -1;
            }

            if (i > 0 && ((PlaceLeads.Contains(tokens[i - 1].Text) && Gap(i - 1, i).Trim() is "" or ".")
                || (!SentenceStart(i) && tokens[i - 1].Upper && JoinsName(i) && Evidence(i - 1) is not NameEvidence.Stop)))
            {
                return -1;
            }

            // "Tyler, TX", "Eugene, OR": a town and its state.
            var next = i + 1;
            if (next < tokens.Count && tokens[next].AllUpper && tokens[next].Text.Length == 2 && Gap(i, next).Trim() is "," or "")
            {
                return -1;
            }

            return next < tokens.Count && JoinsName(next) && ((tokens[next].Upper && tokens[next].Text != "I") || NamesAPlace(next)) ? -1 : next;
        }

        /// <summary>The message opens with a name and an age: "sky, 24, they/them", "Tomás, 31 -".</summary>
        private int NameAndAge(int i)
        {
            if (!OpensMessage(i) || tokens[i].Text.Length < 2 || Read(i, Allow.Lower | Allow.WordName) is not (> 0 and var end))
            {
                return -1;
            }

            var gap = end < tokens.Count ? Gap(end - 1, end) : text.AsSpan(tokens[end - 1].End);
            var at = 0;
            while (at < gap.Length && gap[at] is ' ' or '\t')
            {
                at++;
            }

            if (at >= gap.Length || gap[at] != ',')
            {
                return -1;
            }

            var age = gap[(at + 1)..].TrimStart(" \t");
            var digits = 0;
            while (digits < age.Length && char.IsAsciiDigit(age[digits]))
            {
                digits++;
            }

            var rest = age[digits..].TrimStart(" \t");
            return digits is 1 or 2 && (rest.IsEmpty || rest[0] is ',' or '/' or '(' or ')' or '-' or '–' or '\n') ? end : -1;
        }

        /// <summary>An initial and a surname where a name is read: after a cue ("- P. Gagnon", "Thanks,
        /// J. Okoro"), opening or closing the message, or, with a surname that is no English word,
        /// anywhere ("ask A. Nwachukwu").</summary>
        private int InitialAndSurname(int i)
        {
            // "J.P. Delacroix", "J. P. Delacroix": initials one after another.
            var surname = i + 1;
            while (surname < tokens.Count && tokens[surname].IsInitial(text) && surname - i < 3
                && text.AsSpan(tokens[surname - 1].End, tokens[surname].Start - tokens[surname - 1].End) is "." or ". ")
            {
                surname++;
            }

            if (surname >= tokens.Count || text.AsSpan(tokens[surname - 1].End, tokens[surname].Start - tokens[surname - 1].End) is not ". " and not ".  "
                || !tokens[surname].Upper || Evidence(surname) is not (NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper)
                || Read(surname, Allow.Lower | Allow.WordName | Allow.CommonSurname) is not (> 0 and var end))
            {
                return -1;
            }

            foreach (var (when, _, _) in Rules)
            {
                if (when(i))
                {
                    return end;
                }
            }

            return (OpensMessage(i) && EndsOpening(end)) || IsLastWords(end) || (capitalsInform && English && Evidence(surname) is NameEvidence.Unknown) ? end : -1;
        }

        /// <summary>The words before <paramref name="end"/> name a place or an institution: a place word
        /// follows them ("Henry Ford Hospital", "Elizabeth street").</summary>
        private bool NamesAPlace(int end) => end < tokens.Count && JoinsName(end) && PlaceSuffixes.Contains(tokens[end].Text);

        /// <summary>The name is followed by the end of the text or by punctuation that closes a phrase.</summary>
        private bool ClosesPhrase(int end)
        {
            if (end >= tokens.Count)
            {
                return true;
            }

            var gap = Gap(end - 1, end).TrimStart();
            return gap.Length > 0 && gap[0] is ',' or '.' or '!' or '?' or ';' or ':' or ')' or '\n' or '\r' or '-' or '–' or '—';
        }

        /// <summary>A word someone can be called by where speech says a name stands: capitalised in a
        /// text whose capitals say something ("Ciao bella, see you Monday" is no name), a given name
        /// in any case where they say nothing ("hi aisha"; "hi, para la factura" is Spanish); never a month.</summary>
        private bool Addressable(int i) =>
            !IsMonth(i) && (capitalsInform ? tokens[i].Upper : Evidence(i) is NameEvidence.Given or NameEvidence.WordName);

        private bool Is(int i, string word) => tokens[i].Text.Equals(word, StringComparison.OrdinalIgnoreCase);

        private bool IsAny(int i, params ReadOnlySpan<string> words)
        {
            if (i >= tokens.Count)
            {
                return false;
            }

            foreach (var word in words)
            {
                if (Is(i, word))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
