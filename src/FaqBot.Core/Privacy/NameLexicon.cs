using System.IO.Compression;
using FaqBot.Core.Text;

namespace FaqBot.Core.Privacy;

/// <summary>What a single word tells about being part of a name, before its context is read.</summary>
internal enum NameEvidence
{
    /// <summary>Never part of a name here: a function word, chat slang, a clinic, drug or insurer
    /// word, a day or a month, a greeting.</summary>
    Stop,

    /// <summary>An everyday English word ("park", "general").</summary>
    Common,

    /// <summary>A given name that is also an everyday word ("Hope", "Will", "Grace", "May"): a name
    /// only where the context says so.</summary>
    WordName,

    /// <summary>A proper noun of the English word list ("Patel", "Tran", "Denver"): a surname, a
    /// place or a brand.</summary>
    Proper,

    /// <summary>No English word at all ("Okafor", "Wanjiru", "Nowak").</summary>
    Unknown,

    /// <summary>A given name ("Priya", "Kwame", "Wojciech", "Siobhán").</summary>
    Given,
}

/// <summary>The word lists names are read with: given names of many cultures written for this
/// project (Resources/given-names.txt), the proper nouns of the SCOWL English word list (words it
/// holds only capitalised, Resources/english-proper-nouns.txt.gz, see its NOTICE), and the
/// project's English word list. Loaded once, on first use.</summary>
internal static class NameLexicon
{
    private static readonly Lazy<HashSet<string>> GivenNames = new(LoadGivenNames);

    private static readonly Lazy<HashSet<string>> ProperNouns = new(LoadProperNouns);

    /// <summary>Particles written in lower case and joined by a hyphen to the surname they begin ("al-Rashidi").</summary>
    private static readonly HashSet<string> ParticlePrefixes = new(StringComparer.Ordinal)
    {
        "al", "el", "ul", "ud", "bin", "ibn", "abu", "abd", "ben", "bint", "ould",
    };

    /// <summary>Given names that are everyday words too; a name only by context.</summary>
    private static readonly HashSet<string> WordNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "hope", "grace", "faith", "joy", "will", "may", "june", "april", "august", "autumn", "summer", "winter", "dawn", "sky",
        "skye", "rose", "lily", "ivy", "daisy", "violet", "iris", "pearl", "ruby", "amber", "jade", "crystal", "mark", "bill",
        "frank", "rich", "ray", "art", "jack", "pat", "sue", "rob", "don", "guy", "gene", "grant", "chase", "hunter", "mason",
        "carter", "cooper", "page", "precious", "mercy", "honor", "honour", "justice", "destiny", "trinity", "harmony",
        "melody", "heather", "holly", "hazel", "olive", "sage", "rowan", "reed", "glen", "dale", "cliff", "rocky", "sandy",
        "dusty", "misty", "sunny", "angel", "star", "storm", "river", "brook", "wade", "drew", "lance", "miles", "bud", "buck",
        "buddy", "ginger", "candy", "penny", "sterling", "earl", "duke", "king", "prince", "major", "colt", "fox", "wolf",
        "bear", "robin", "jay", "wren", "raven", "willow", "aspen", "cedar", "forest", "ash", "heath", "patience", "prudence",
        "charity", "constance", "verity", "bliss", "blossom", "poppy", "clay", "stone", "rusty", "sonny", "chip", "kit",
        "nick", "carol", "eve", "christian", "max", "sally", "deb", "val", "vic", "nat", "ram", "sydney", "austin",
        "jordan", "georgia", "florence", "victoria", "charlotte", "madison", "chelsea", "regina", "santiago", "lourdes",
        "brooklyn", "kennedy", "mercedes", "dean", "bob", "fern", "coral", "ebony", "ivory", "meadow", "rain", "ocean",
        "blaze", "ace", "pierce", "gray", "grey", "chance", "sol", "rod", "barb", "marina", "paris", "phoenix", "dallas",
        "jean", "harsh", "hone", "mere", "mats", "tor", "tuba", "yaw", "ting", "lea", "taro", "tam", "chad", "dolly", "flora",
        "gabby", "laurel", "marine", "marquis", "myrtle", "nadir", "noel", "patsy", "patty", "viola", "wellington", "fanny",
        "jesus", "geneva", "chester", "devon", "kent", "clinton", "darwin", "aurora", "olympia", "carolina", "orlando",
        "savannah", "lincoln", "cherry", "ella", "mia", "uma", "nur", "nada", "mio", "hai", "bella", "virginia", "mai",
        "pita", "hyacinth",
    };

    /// <summary>Never a name in the contexts read without a cue phrase: chat words, the clinic's,
    /// drugs', insurers' and places' words, days and months in several languages, greetings, sign-off words.</summary>
    private static readonly HashSet<string> Stops = new(StringComparer.OrdinalIgnoreCase)
    {
        "lol", "lmao", "omg", "btw", "tbh", "idk", "imo", "pls", "plz", "thx", "thnx", "ty", "rn", "tmrw", "tmr", "ur", "u",
        "im", "ive", "id", "dont", "cant", "wont", "didnt", "doesnt", "isnt", "thats", "whats", "hes", "shes", "ok", "okay",
        "k", "kk", "xx", "xo", "xoxo", "haha", "hahaha", "hmm", "hm", "ugh", "yay", "wow", "yeah", "yep", "nope", "nah",
        "asap", "fyi", "appt", "appts", "dr", "dept", "abt", "bc", "cuz", "coz", "tho", "ppl", "msg", "info", "etc", "vs",
        "re", "ps", "aka", "eta", "np", "gonna", "wanna", "gotta", "kinda", "sorta", "dunno", "ya", "yall", "bro", "sis",
        "ketamine", "esketamine", "spravato", "ketalar", "infusion", "infusions", "iv", "tms", "ect", "ptsd", "ocd", "adhd", "gad",
        "mdd", "covid", "icu", "er", "gp", "pcp", "hsa", "fsa", "ssn", "dob", "mrn", "nhs", "faq", "zoloft", "lexapro",
        "prozac", "wellbutrin", "effexor", "cymbalta", "paxil", "celexa", "trintellix", "abilify", "seroquel", "lamictal",
        "lithium", "xanax", "ativan", "klonopin", "valium", "adderall", "ritalin", "vyvanse", "suboxone", "naltrexone",
        "ambien", "trazodone", "gabapentin", "lyrica", "tylenol", "advil", "ibuprofen", "zofran", "ondansetron",
        "medicare", "medicaid", "tricare", "aetna", "cigna", "humana", "kaiser", "anthem", "optum", "bcbs", "ambetter",
        "molina", "centene", "unitedhealthcare", "uhc", "oscar", "bupa", "axa", "allianz", "zoom", "google", "facebook",
        "instagram", "insta", "whatsapp", "wechat", "reddit", "yelp", "uber", "lyft", "venmo", "paypal", "zelle", "visa",
        "mastercard", "amex", "walgreens", "cvs", "costco", "walmart", "target", "amazon", "chrome", "safari", "iphone",
        "android", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues",
        "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "january", "february", "march", "july", "september",
        "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
        "dec", "christmas", "easter", "thanksgiving", "ramadan", "eid", "diwali", "hanukkah", "montag", "dienstag",
        "mittwoch", "donnerstag", "freitag", "samstag", "sonntag", "lunes", "martes", "miércoles", "jueves", "viernes",
        "sábado", "domingo", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "januar", "februar",
        "märz", "juni", "juli", "oktober", "dezember", "enero", "febrero", "marzo", "abril", "mayo", "junio",
        "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre", "janvier", "février", "mars", "avril",
        "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre", "hi", "hello", "hey", "hiya", "hii",
        "heya", "dear", "greetings", "howdy", "yo", "oi", "hola", "bonjour", "salut", "hallo", "ciao", "olá", "ola",
        "namaste", "salaam", "shalom", "guten", "tag", "abend", "morgen", "buenos", "buenas", "días", "dias", "tardes",
        "noches", "bom", "boa", "dia", "kia", "ora", "g'day", "gday", "morning", "afternoon", "evening", "thanks",
        "thank", "cheers", "regards", "best", "sincerely", "yours", "love", "ta", "gruß", "grüße", "groetjes", "saludos",
        "atentamente", "cordialement", "merci", "gracias", "obrigado", "obrigada", "grazie", "danke", "bye", "goodbye",
        "blessings", "here", "again", "hier", "aqui", "aquí", "speaking", "los", "las", "san", "santa", "kong", "new",
        "north", "south", "east", "west", "street", "st", "road", "avenue", "ave", "lane", "drive", "clinic", "hospital",
        "center", "centre", "general", "medical", "health", "insurance", "ok'd", "english", "spanish", "french", "german",
        "american", "british", "canadian", "irish", "indian", "chinese", "mexican", "swedish", "polish", "african",
        "patient", "patients", "nurse", "doctor", "doc", "staff", "team", "front", "desk", "reception", "receptionist",
        "bot", "chatbot", "ai", "siri", "alexa", "cortana", "chatgpt", "gpt", "human", "person", "someone", "anyone", "everyone", "nobody", "somebody",
        "mein", "meine", "meinem", "meiner", "mi", "mis", "mon", "mes", "minha", "meu", "nuestra", "nuestro", "nossa", "nosso",
        "nummer", "numéro", "numero", "número", "telefon", "telefono", "teléfono", "telefone", "handy", "movil", "móvil",
        "portable", "cellulare", "celular", "adresse", "dirección", "direccion", "endereço", "indirizzo", "correo", "courriel",
        "d'avance", "avance", "beaucoup", "bien", "schön", "schoen", "sehr", "vielen", "dank", "mille", "muchas", "mil",
        "muito", "muita", "infiniment", "antemano", "adelantado", "voraus", "anticipo", "antecipadamente",
    };

    /// <summary>Honorifics and words of address in many languages, said alone or after a name ("Hi
    /// po", "thank you po", "Raj ji", "Tanaka-san", "thanks mate", "yes ma'am", "gracias abuela"):
    /// never a name themselves.</summary>
    private static readonly HashSet<string> AddressWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "po", "opo", "ji", "jee", "sahib", "saab", "sahab", "bhai", "bhaiya", "bhaiyya", "didi", "beta", "beti", "amma",
        "appa", "akka", "thambi", "tita", "tito", "kuya", "manang", "manong", "oppa", "unnie", "noona", "hyung",
        "sunbae", "sensei", "senpai", "sama", "kun", "habibi", "habibti", "akhi", "ukhti", "hajji", "hajja", "haji", "inshallah",
        "mashallah", "wallahi", "bismillah", "alhamdulillah", "señor", "senor", "señora", "senora", "señorita", "senorita",
        "doña", "signora", "signore", "signor", "madame", "monsieur", "mademoiselle", "mzee", "baba", "bibi", "babu", "oga",
        "madam", "ma'am", "maam", "mam", "sir", "sirs", "hun", "hon", "babe", "bae", "luv", "lovey", "darling", "darlin",
        "sweetie", "sweetheart", "honey", "doc", "boss", "chief", "pal", "dude", "fam", "bruh", "bruv", "bro", "cuz", "homie",
        "mate", "mates", "matey", "mijo", "mija", "amigo", "amiga", "jefe", "compa", "compadre", "comadre", "primo", "prima",
        "tío", "tía", "tio", "tia", "abuela", "abuelo", "abuelita", "abuelito", "auntie", "aunty", "uncle", "guys", "y'all",
        "peeps", "sunshine", "lovely", "gorgeous", "guapa", "guapo", "cariño", "carino", "querida", "querido", "liebe",
        "lieber", "schatz", "ya", "yaar", "dost", "bhabhi", "chacha", "chachi", "mami", "papi", "nonna", "nonno", "oma", "opa",
        "babcia", "dziadek", "mamie", "papy", "lolo", "ayah", "ibu", "bu", "mas", "mbak", "kak", "dik", "chị",
        "ông", "bà", "khun", "ajarn", "nene", "sis",
    };

    /// <summary>"Thank you" in many languages, said before a name or a word of address ("salamat po").</summary>
    private static readonly HashSet<string> Thanks = new(StringComparer.OrdinalIgnoreCase)
    {
        "salamat", "arigato", "arigatou", "shukran", "asante", "dhanyavaad", "dhanyavad", "dhanyawad", "shukriya", "kamsahamnida",
        "gamsahamnida", "xiexie", "spasibo", "dziękuję", "dziekuje", "tack", "takk", "tak", "kiitos", "efharisto", "köszönöm",
        "koszonom", "mahalo", "ngiyabonga", "enkosi", "medaase", "nagode", "daalu", "toda", "kasih", "mersi", "multumesc",
        "mulțumesc", "hvala", "děkuji", "dekuji", "dakujem", "ďakujem", "tesekkurler", "teşekkürler", "sagol", "sağol",
    };

    /// <summary>The longest word read as part of a name. Longer words (a patient's message can hold
    /// one of 20,000 letters and hyphens) are no name, and reading one stays cheap: a hyphenated
    /// word is read part by part, and "al-Al-Al-..." part after part.</summary>
    public const int MaxWordLength = 48;

    /// <summary>The word's evidence; <paramref name="word"/> may hold hyphens and apostrophes
    /// ("Ruth-Ann" is a given name when each part is one; "Grace-ful" is no name).</summary>
    public static NameEvidence Evidence(string word)
    {
        if (word.Length > MaxWordLength)
        {
            return NameEvidence.Stop;
        }

        var lower = word.ToLowerInvariant().Replace('’', '\'');
        if (WordNames.Contains(lower))
        {
            return NameEvidence.WordName;
        }

        if (lower.Length == 0 || Stops.Contains(lower) || AddressWords.Contains(lower) || Thanks.Contains(lower) || NameWords.IsFunction(lower) || OtherLanguageWords.IsFunction(word) || IsDrawnOut(lower)
            || (lower.Length > 3 && lower[^1] == 's' && (Stops.Contains(lower[..^1]) || AddressWords.Contains(lower[..^1]))))
        {
            return NameEvidence.Stop;
        }

        // "D'Andre" is "Andre" with a prefix; "o'clock" is no name ("clock" is no given name).
        var bare = lower.StartsWith("o'", StringComparison.Ordinal) || lower.StartsWith("d'", StringComparison.Ordinal) ? lower[2..] : lower;
        if (IsGiven(lower) || IsGiven(bare) || (lower.Contains('-') && lower.Split('-').All(IsGiven)))
        {
            return NameEvidence.Given;
        }

        // "Hyun-joo", "Min-ji": a given name whose second syllable is joined in lower case, no English word.
        var hyphen = lower.IndexOf('-', StringComparison.Ordinal);
        if (hyphen > 0 && IsGiven(lower[..hyphen]) && lower[(hyphen + 1)..].Split('-').All(p => p.Length is > 0 and <= 4 && !EnglishWords.Contains(p)))
        {
            return NameEvidence.Given;
        }

        // "al-Rashidi", "el-Sayed", "bin-Laden": a surname after a particle joined by a hyphen.
        if (hyphen > 0 && ParticlePrefixes.Contains(lower[..hyphen]) && hyphen + 1 < word.Length && char.IsUpper(word[hyphen + 1])
            && Evidence(word[(hyphen + 1)..]) is NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper)
        {
            return NameEvidence.Unknown;
        }

        // "Grace-ful", "Will-ing", "Self-pay": a capitalised word joined to a lower-case one is a word.
        if (lower.Contains('-') && char.IsUpper(word[0]) && word.Split('-').Any(p => p.Length > 0 && !char.IsUpper(p[0])))
        {
            return NameEvidence.Common;
        }

        if (NameWords.IsListed(lower))
        {
            return NameEvidence.Stop;
        }

        if (lower.Contains('-'))
        {
            // A double-barrelled surname is a name when any part is ("Okafor-Reyes", "Goldberg-Nash").
            var parts = lower.Split('-', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length > 0 && parts.All(p => Evidence(p) is not NameEvidence.Stop)
                && parts.Any(p => Evidence(p) is NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper)
                ? NameEvidence.Unknown
                : NameEvidence.Common;
        }

        if (ProperNouns.Value.Contains(bare))
        {
            return NameEvidence.Proper;
        }

        if (EnglishWords.Contains(bare) || (bare.EndsWith("'s", StringComparison.Ordinal) && EnglishWords.Contains(bare[..^2])))
        {
            return NameEvidence.Common;
        }

        return bare.All(char.IsLetter) || bare.Contains('\'') ? NameEvidence.Unknown : NameEvidence.Stop;
    }

    /// <summary>"Thank you" in another language ("salamat", "asante", "kiitos"): a sign-off word.</summary>
    public static bool IsThanks(string word) => Thanks.Contains(word);

    /// <summary>A letter written three times or more in a row ("sooo", "plsss"): a word drawn out, not a name.</summary>
    public static bool IsElongated(string word)
    {
        for (var k = 2; k < word.Length; k++)
        {
            if (char.IsLetter(word[k]) && char.ToLowerInvariant(word[k]) == char.ToLowerInvariant(word[k - 1]) && char.ToLowerInvariant(word[k]) == char.ToLowerInvariant(word[k - 2]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A greeting drawn out or run together ("heyy", "hiii", "helloo", "ayo", "yoo").</summary>
    public static bool IsElongatedGreeting(string word)
    {
        var lower = word.ToLowerInvariant();
        return lower.Length is >= 2 and <= 12 && (DrawnOut(lower, "hey") || DrawnOut(lower, "hi") || DrawnOut(lower, "hello") || DrawnOut(lower, "yo") || DrawnOut(lower, "ayo"));
    }

    /// <summary>Whether <paramref name="word"/> is <paramref name="greeting"/> with its last letter repeated.</summary>
    private static bool DrawnOut(string word, string greeting) =>
        word.Length > greeting.Length - 1 && word.StartsWith(greeting, StringComparison.Ordinal) && word.AsSpan(greeting.Length).IndexOfAnyExcept(greeting[^1]) < 0;

    /// <summary>Whether the word is in the list of given names, whatever else it is ("Jan" is a month too).</summary>
    public static bool IsGivenName(string word) => IsGiven(word.ToLowerInvariant());

    /// <summary>A given name as written, or without its accents ("Óscar" as "oscar").</summary>
    private static bool IsGiven(string lower) => GivenNames.Value.Contains(lower) || GivenNames.Value.Contains(WithoutAccents(lower));

    private static string WithoutAccents(string word)
    {
        var decomposed = word.Normalize(System.Text.NormalizationForm.FormD);
        var bare = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                bare.Append(c);
            }
        }

        return bare.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    /// <summary>"Sooo", "Hiii", "Heyyy": a letter three times in a row is a drawn-out word.</summary>
    private static bool IsDrawnOut(string word)
    {
        for (var i = 2; i < word.Length; i++)
        {
            if (word[i] == word[i - 1] && word[i] == word[i - 2])
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> LoadGivenNames()
    {
        using var stream = Resource("FaqBot.Core.given-names.txt");
        using var reader = new StreamReader(stream);
        var names = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (!line.StartsWith('#'))
            {
                names.UnionWith(line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        return names;
    }

    private static HashSet<string> LoadProperNouns()
    {
        using var stream = Resource("FaqBot.Core.english-proper-nouns.txt.gz");
        using var gzip = new GZipStream(stream, CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var words = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            words.Add(line);
        }

        return words;
    }

    private static Stream Resource(string name) =>
        typeof(NameLexicon).Assembly.GetManifestResourceStream(name)
        ?? throw new InvalidOperationException($"The {name} resource is missing from FaqBot.Core.");
}
