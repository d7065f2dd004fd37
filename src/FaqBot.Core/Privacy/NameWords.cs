using FaqBot.Core.Text;

namespace FaqBot.Core.Privacy;

/// <summary>Which words after a name cue can be a name. The repository's English word list cannot
/// decide it alone: it holds the lower-cased names too ("jane", "maria", "smith"). So a word is
/// ruled out by two stop lists (function words after any cue; states, moods, days and clinic words
/// after the weaker "I'm", "this is", "call me" cues) and by its form: an -ing, -ed or -ly word
/// whose stem is an English word ("Calling", "Worried", "Really", "Basically"), or an English word
/// with an adjective ending ("Nervous", "Hopeful", "Claustrophobic").</summary>
internal static class NameWords
{
    /// <summary>Endings no common first name has ("Nervous", "Hopeful", "Sensitive", "Hopeless", "Unable").</summary>
    private static readonly string[] AdjectiveEndings = ["ous", "ful", "ive", "less", "able", "ible"];

    /// <summary>Endings a few short names share ("Dominic", "Vincent", "Crystal"), so only for words
    /// of eight letters or more ("Emotional", "Impatient", "Reluctant").</summary>
    private static readonly string[] LongAdjectiveEndings = ["ic", "al", "ant", "ent"];

    /// <summary>Never a name, whatever the cue: "my name is on file", "my wife will drive me", and
    /// the labels of a typed-out form ("Jane Doe DOB ...").</summary>
    private static readonly HashSet<string> Function = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "an", "the", "and", "or", "but", "so", "nor", "yet", "for", "of", "in", "on", "at", "to", "from", "with",
        "by", "about", "as", "into", "like", "than", "then", "that", "this", "these", "those", "there", "here", "is",
        "am", "are", "was", "were", "be", "been", "being", "do", "does", "did", "have", "has", "had", "will", "would",
        "can", "could", "shall", "should", "may", "might", "must", "won't", "can't", "don't", "i", "im", "i'm", "i’m",
        "i'll", "i've", "i'd", "me", "my", "mine", "you", "your", "he", "him", "his", "she", "her", "we", "us", "our",
        "they", "them", "their", "it", "its", "it's", "who", "whom", "what", "when", "where", "why", "how", "which",
        "not", "no", "yes", "just", "also", "still", "only", "very", "really", "too", "please", "thanks", "thank",
        "thx", "hi", "hello", "hey", "ok", "okay", "now", "again", "if", "because", "since", "until", "while",
        "after", "before", "over", "under", "up", "down", "out", "off", "all", "any", "some", "each", "every", "none",
        "both", "either", "neither", "need", "needs", "want", "wanted", "wants", "get", "got", "call", "text",
        "email", "phone", "number", "name", "regarding", "re", "dob", "ssn", "cell", "tel", "mobile", "address",
        "age", "date", "birthday", "born", "unknown", "n/a", "na", "same", "below", "above", "attached",
    };

    /// <summary>Not a name after "I'm", "I am", "this is", "call me" or "my wife": how people say
    /// they feel or what they are, days and months, and the clinic's own vocabulary.</summary>
    private static readonly HashSet<string> Ordinary = new(StringComparer.OrdinalIgnoreCase)
    {
        "nervous", "worried", "scared", "anxious", "afraid", "terrified", "frightened", "concerned", "curious",
        "interested", "confused", "unsure", "uncertain", "sure", "sorry", "fine", "good", "great", "well", "better",
        "worse", "bad", "sad", "depressed", "happy", "glad", "excited", "ready", "tired", "exhausted", "sick", "ill",
        "unwell", "pregnant", "breastfeeding", "nursing", "diabetic", "epileptic", "allergic", "bipolar",
        "schizophrenic", "autistic", "sober", "clean", "new", "old", "older", "young", "single", "married",
        "divorced", "widowed", "retired", "disabled", "unemployed", "employed", "insured", "uninsured", "covered",
        "eligible", "late", "early", "free", "available", "busy", "home", "away", "back", "done", "finished",
        "alright", "able", "unable", "stuck", "lost", "desperate", "suicidal", "actually", "currently", "never",
        "always", "already", "almost", "kind", "pretty", "quite", "somewhat", "super", "totally", "completely",
        "extremely", "literally", "honestly", "seriously", "definitely", "probably", "maybe", "perhaps", "between",
        "without", "male", "female", "trans", "nonbinary", "gay", "straight", "veteran", "vet", "nurse", "doctor",
        "dr", "student", "teacher", "caregiver", "parent", "mother", "father", "mom", "dad", "wife", "husband", "son",
        "daughter", "patient", "client", "member", "hispanic", "latino", "latina", "black", "white", "asian",
        "jewish", "catholic", "muslim", "vegan", "vegetarian", "anemic", "broke", "poor", "ashamed", "american",
        "canadian", "mexican", "european", "right", "wrong", "correct", "true", "false", "normal", "serious",
        "urgent", "important", "awesome", "amazing", "weird", "crazy", "insane", "ridiculous", "helpful", "useful",
        "useless", "expensive", "cheap", "hard", "easy", "difficult", "simple", "overwhelmed", "frustrated",
        "hopeless", "calm", "asap", "anytime", "soon", "later", "today", "tonight", "tomorrow", "yesterday", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "weekend", "january", "february", "march",
        "july", "september", "october", "november", "december", "morning", "afternoon", "evening", "night",
        "ketamine", "esketamine", "spravato", "infusion", "infusions", "clinic", "insurance", "medicare", "medicaid",
        "tricare", "aetna", "cigna", "humana", "kaiser", "anthem", "optum", "covid", "zoom", "google", "facebook",
        "instagram", "yelp", "english", "spanish", "bilingual", "first", "last", "second", "third", "one", "two",
        "three", "sir", "madam", "ma'am", "someone", "somebody", "anyone", "everyone", "nobody", "everybody",
        "struggling", "using", "taking", "due", "meant", "supposed", "referred", "scheduled", "booked", "waiting",
        "wondering", "calling", "writing", "texting", "emailing", "messaging", "asking", "looking", "trying",
        "hoping", "planning", "thinking", "considering", "feeling", "having", "getting", "going", "coming", "leaving",
        "reaching", "following", "checking",
    };

    /// <summary>Where people are from, and their faiths: "I'm Aussie", "I'm Filipino", "as a Kiwi".</summary>
    private static readonly HashSet<string> Origins = new(StringComparer.OrdinalIgnoreCase)
    {
        "aussie", "ozzie", "kiwi", "kiwis", "brit", "brits", "pom", "pommy", "yank", "yankee", "canuck", "filipino", "filipina",
        "pinoy", "pinay", "australian", "british", "scottish", "scots", "scot", "welsh", "irish", "indian", "pakistani",
        "bangladeshi", "nepali", "nepalese", "lankan", "sinhalese", "tamil", "punjabi", "gujarati", "bengali", "chinese",
        "japanese", "korean", "vietnamese", "thai", "malaysian", "indonesian", "singaporean", "burmese", "cambodian", "laotian",
        "hmong", "mongolian", "taiwanese", "nigerian", "ghanaian", "kenyan", "ugandan", "tanzanian", "ethiopian", "eritrean",
        "somali", "sudanese", "egyptian", "moroccan", "algerian", "tunisian", "libyan", "senegalese", "cameroonian",
        "congolese", "zimbabwean", "zambian", "african", "afrikaner", "zulu", "xhosa", "french", "german", "dutch", "belgian",
        "swiss", "austrian", "italian", "portuguese", "greek", "polish", "czech", "slovak", "hungarian", "romanian",
        "bulgarian", "serbian", "croatian", "bosnian", "albanian", "ukrainian", "russian", "belarusian", "lithuanian",
        "latvian", "estonian", "finnish", "swedish", "norwegian", "danish", "icelandic", "turkish", "kurdish", "armenian",
        "azerbaijani", "iranian", "persian", "iraqi", "syrian", "lebanese", "jordanian", "palestinian", "israeli", "saudi",
        "emirati", "yemeni", "afghan", "uzbek", "kazakh", "arab", "arabic", "hebrew", "brazilian", "argentinian", "argentine",
        "chilean", "colombian", "peruvian", "venezuelan", "ecuadorian", "bolivian", "uruguayan", "paraguayan", "cuban",
        "dominican", "rican", "haitian", "jamaican", "trinidadian", "bajan", "guyanese", "salvadoran", "guatemalan",
        "honduran", "nicaraguan", "panamanian", "latinx", "chicano", "chicana", "native", "indigenous", "aboriginal", "maori",
        "samoan", "tongan", "fijian", "hawaiian", "texan", "californian", "floridian", "yorker", "southerner", "midwesterner",
        "northerner", "londoner", "scouser", "geordie", "quebecer", "québécois", "quebecois", "ontarian", "albertan", "hindu",
        "sikh", "buddhist", "mormon", "protestant", "baptist", "methodist", "lutheran", "orthodox", "atheist", "agnostic",
        "pagan", "quaker", "amish", "mennonite", "expat", "immigrant", "foreigner", "local",
    };

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "mx", "miss", "dr", "doctor", "prof",
    };

    /// <summary>Lower-case joining words inside a name: "Maria de la Cruz", "Ludwig van Beethoven".</summary>
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du", "le", "dos", "das", "bin", "ibn", "al", "el",
    };

    public static bool IsFunction(string word) => Function.Contains(word);

    public static bool IsTitle(string word) => Titles.Contains(word);

    public static bool IsParticle(string word) => Particles.Contains(word);

    /// <summary>A word of the stop lists above (without the word-form rules of <see cref="IsOrdinary"/>).</summary>
    public static bool IsListed(string word) => Function.Contains(word) || Ordinary.Contains(word) || Origins.Contains(word);

    /// <summary>A word that, after a weak cue, is far more likely a state or an ordinary word than a name.</summary>
    public static bool IsOrdinary(string word)
    {
        if (Function.Contains(word) || Ordinary.Contains(word) || Origins.Contains(word))
        {
            return true;
        }

        var lower = word.ToLowerInvariant();
        if (lower.Length >= 6 && lower.EndsWith("ing", StringComparison.Ordinal))
        {
            return IsStem(lower[..^3], 3);
        }

        if (lower.Length >= 5 && lower.EndsWith("ed", StringComparison.Ordinal))
        {
            return IsStem(lower[..^2], 4) || IsWord(lower[..^1], 4)
                || (lower.EndsWith("ied", StringComparison.Ordinal) && IsWord(lower[..^3] + "y", 4));
        }

        if (lower.Length >= 6 && lower.EndsWith("ly", StringComparison.Ordinal))
        {
            return IsWord(lower[..^2], 4)
                || (lower.EndsWith("ily", StringComparison.Ordinal) && IsWord(lower[..^3] + "y", 4))
                || (lower.EndsWith("ally", StringComparison.Ordinal) && IsWord(lower[..^4], 4));
        }

        return (lower.Length >= 7 && EndsWithAny(lower, AdjectiveEndings) && EnglishWords.Contains(lower))
            || (lower.Length >= 8 && EndsWithAny(lower, LongAdjectiveEndings) && EnglishWords.Contains(lower));
    }

    /// <summary>The stem is a word as it is, with a silent e back ("hop-ing" / "hope"), or with a
    /// doubled final consonant removed ("gett-ing").</summary>
    private static bool IsStem(string stem, int minLength) =>
        IsWord(stem, minLength) || IsWord(stem + "e", minLength)
        || (stem.Length > minLength && stem[^1] == stem[^2] && IsWord(stem[..^1], minLength));

    private static bool IsWord(string word, int minLength) => word.Length >= minLength && EnglishWords.Contains(word);

    private static bool EndsWithAny(string word, string[] endings) =>
        Array.Exists(endings, e => word.EndsWith(e, StringComparison.Ordinal));
}
