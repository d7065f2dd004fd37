namespace FaqBot.Core.Privacy;

/// <summary>Names without a cue phrase, read from where they stand and what they are made of:
/// <list type="bullet">
/// <item>after a title ("Dr Ray Castellano", "dr. patel", "Pastor Emmanuel Osei"), a relation or
/// person word ("my neighbour Will", "our son Sky", "my mum, Maureen Pickering,", "meine Frau
/// Anneliese"), a verb of telling or asking ("tell Sarah", "let maria know", "ask for Mark"), a
/// label ("Patient: Bill Ostrowski", "attn Joy Whitfield", "name on card Rose Delgado"), or
/// "it's", "he's", "je suis", "soy", ...;</item>
/// <item>before "here", "again", "hier", "aqui" ("kwame mensah here", "GRACE HERE");</item>
/// <item>where a message is signed or opened: after a sign-off word ("Thanks, Rich", "Gruß,
/// Katrin Schäfer"), after a dash ("- dave"), as the last sentence ("... Tomasz Wiśniewski"), a
/// sentence of its own ("... 7-eleven. Hemi. text me"), or as the message's first words ("Shlomo
/// Katz, s.katz@...", "hi, Connor Ó Dálaigh, my ...");</item>
/// <item>anywhere, a capitalised given name followed by a surname ("... that Wojciech Nowak is
/// late", "Hope Okafor-Reyes said"), one between commas ("the front desk, Precious, she"), and a
/// name right before another detail ("June Park, [phone]").</item>
/// </list>
/// A word is judged by <see cref="NameLexicon"/>: a given name, an unknown word or a proper noun
/// can be a name; a given name that is also an everyday word (Hope, Will, May) only where the
/// context says so (capitalised inside a sentence, after a title, before "here", ...); an
/// everyday word, a clinic word, a day or a month never starts one ("I hope", "Will my Cigna",
/// "Frank question", "Grace-ful"). Linear: each rule looks at a few words around each word.</summary>
internal static partial class NameContextDetector
{
    private const int MaxNameWords = 4;

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "doctor", "prof", "professor", "pastor", "rev", "reverend", "fr", "sr", "sra", "srta", "herr", "mme", "mlle",
        "dra", "rabbi", "imam", "sheikh", "mr", "mrs", "ms", "mx", "miss", "doctora", "doutor", "doutora", "dottore",
        "dottoressa", "dott", "madame", "monsieur", "señor", "señora", "senor", "senora", "signora", "signor", "frau",
    };

    /// <summary>Articles and possessives before a German noun ("die Frau", "seine Frau"), besides
    /// the <see cref="Determiners"/> ("meine").</summary>
    private static readonly HashSet<string> GermanArticles = new(StringComparer.OrdinalIgnoreCase)
    {
        "die", "der", "eine", "einer", "seine", "seiner", "ihre", "ihrer", "unsere", "deine",
    };

    private static readonly HashSet<string> Determiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "my", "our", "his", "her", "their", "your", "the", "a", "an", "mi", "mis", "mein", "meine", "meinem", "meiner", "ma",
        "mon", "mes", "minha", "meu", "nuestra", "nuestro", "nossa", "nosso",
    };

    private static readonly HashSet<string> Relations = new(StringComparer.OrdinalIgnoreCase)
    {
        "wife", "husband", "spouse", "partner", "son", "daughter", "child", "kid", "baby", "twin", "mother", "mom", "mum",
        "mommy", "mummy", "mama", "father", "dad", "daddy", "papa", "sister", "brother", "friend", "bestie", "boyfriend",
        "girlfriend", "fiance", "fiancé", "fiancee", "fiancée", "ex", "caregiver", "carer", "aunt", "aunty", "auntie",
        "uncle", "grandmother", "grandma", "granny", "gran", "nan", "nana", "nanna", "grandfather", "grandpa", "granddad",
        "grandad", "grandson", "granddaughter", "grandchild", "cousin", "niece", "nephew", "stepson", "stepdaughter",
        "stepmom", "stepmum", "stepdad", "stepfather", "stepmother", "roommate", "flatmate", "housemate", "neighbor",
        "neighbour", "sponsor", "therapist", "psychiatrist", "psychologist", "counselor", "counsellor", "doctor", "gp",
        "pcp", "physician", "cardiologist", "neurologist", "surgeon", "nurse", "provider", "coworker", "colleague", "boss",
        "manager", "supervisor", "landlord", "landlady", "driver", "pastor", "priest", "rabbi", "imam", "congregant",
        "parishioner", "patient", "client", "student", "teacher", "coach", "guardian", "contact", "lady", "guy", "man",
        "woman", "girl", "boy", "receptionist", "mate", "buddy", "pal", "relative", "in-law", "mother-in-law",
        "father-in-law", "sister-in-law", "brother-in-law", "son-in-law", "daughter-in-law", "frau", "mann", "sohn",
        "tochter", "mutter", "vater", "bruder", "schwester", "esposa", "esposo", "marido", "hijo", "hija", "madre", "padre",
        "hermano", "hermana", "mamá", "papá", "femme", "mari", "fils", "fille", "mère", "père", "frère", "sœur", "soeur",
        "mãe", "mae", "pai", "filho", "filha", "irmão", "irmã", "gf", "bf", "hubby", "wifey", "bff", "dh", "dw", "ex-wife",
        "ex-husband", "ex-partner", "ex-boyfriend", "ex-girlfriend", "stepsister", "stepbrother", "half-brother", "half-sister",
        "godmother", "godfather", "goddaughter", "godson", "godchild", "mentor", "caseworker", "worker", "aide", "nanny",
        "babysitter", "housekeeper", "pharmacist", "dentist", "midwife", "chiropractor", "dietitian", "physio", "physiotherapist", "optometrist", "lawyer", "attorney", "tenant", "classmate", "teammate", "workmate", "lodger", "grandkid", "tita", "tito",
        "lolo", "abuela", "abuelo", "abuelita", "abuelito", "tía", "tío", "tia", "tio", "nonna", "nonno", "oma", "opa",
        "babcia", "dziadek", "mamie", "papy", "amma", "appa", "ammi", "abbu", "bhai", "didi", "bhaiya", "chacha", "chachi",
        "mausi", "nani", "dadi", "kuya", "ate", "manang", "manong", "primo", "prima", "sobrino", "sobrina", "nieto", "nieta",
        "suegra", "suegro", "cuñada", "cuñado", "novio", "novia", "amigo", "amiga", "vecino", "vecina", "copine", "copain",
        "cousine", "tante", "oncle", "onkel", "freund", "freundin", "enkel", "neffe", "nichte", "nachbar", "nachbarin",
        "namorado", "namorada", "avó", "avô", "neto", "neta", "sogra", "sogro", "homie", "homeboy", "bro", "sis", "cuz",
        "twins", "kids", "sons", "daughters", "boys", "girls", "grandkids", "grandchildren", "parents", "grandparents",
    };

    /// <summary>Relation words that say only that someone is a person ("the guy", "a patient"): a
    /// word with 's before them is no more a name than before any noun.</summary>
    private static readonly HashSet<string> GenericPersons = new(StringComparer.OrdinalIgnoreCase)
    {
        "guy", "man", "woman", "lady", "girl", "boy", "contact", "patient", "client", "student", "worker", "provider", "mate",
        "boys", "girls", "kids",
    };

    /// <summary>Words between a determiner and a relation word: "my younger brother", "our 19 year
    /// old son", "my best friend", "her late husband".</summary>
    private static readonly HashSet<string> RelationModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "younger", "older", "elder", "eldest", "oldest", "youngest", "little", "big", "baby", "twin", "step", "late", "best",
        "dear", "dearest", "new", "own", "only", "adult", "teenage", "teen", "grown", "adopted", "foster", "beloved", "year",
        "years", "yr", "yrs", "yo", "old", "year-old", "month-old", "month", "months", "lovely", "other", "favourite",
        "favorite", "former", "future", "biological", "half", "wonderful", "sweet", "poor", "elderly", "sick", "closest",
        "good", "close", "fellow", "current", "long-time", "longtime",
    };

    private static readonly HashSet<string> Verbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "tell", "ask", "let", "contact", "thank", "remind", "page", "text", "email", "message", "inform", "notify", "attn",
        "cc", "under", "c/o", "pick", "collect", "drive", "meet",
    };

    /// <summary>The words before a name that end a two-word cue: "ask for", "speak to", "mom of", "on behalf of", "name on card".</summary>
    private static readonly HashSet<string> PairedCues = new(StringComparer.OrdinalIgnoreCase)
    {
        "ask for", "asking for", "speak to", "speak with", "talk to", "talk with", "spoke to", "spoke with", "spoken to",
        "mom of", "mother of", "dad of", "father of", "parent of", "wife of", "husband of", "son of", "daughter of",
        "behalf of", "care of", "on card", "nome de", "nombre de", "nom de", "namen von", "the name", "name under",
        "nombre es", "name ist", "nom est", "mera naam", "mera nam", "ako si", "sou o", "sou a", "soy el", "soy la",
        "me chamo", "mi chiamo", "ik heet",
    };

    private static readonly HashSet<string> Labels = new(StringComparer.OrdinalIgnoreCase)
    {
        "patient", "name", "contact", "attn", "attention", "caller", "from", "signed", "client", "member", "cardholder", "holder", "to",
    };

    /// <summary>"it's X", "he's X", "je suis X", "soy X", ...: the last word of the intro.</summary>
    private static readonly HashSet<string> Intros = new(StringComparer.OrdinalIgnoreCase)
    {
        "it's", "it’s", "its", "he's", "he’s", "she's", "she’s", "suis", "soy", "sono", "bin", "llamo", "appelle", "heiße",
        "heisse", "chamo", "aqui", "sou", "jestem", "зовут", "się",
    };

    private static readonly HashSet<string> Closers = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thank", "thx", "ty", "cheers", "regards", "best", "sincerely", "yours", "love", "xo", "xx", "x",
        "xoxo", "ta", "gruß", "grüße", "gruss", "lg", "groetjes", "saludos", "atentamente", "cordialement", "merci",
        "gracias", "obrigado", "obrigada", "grazie", "bye", "blessings", "warmly", "respectfully", "abrazos",
        "abraços", "bisous", "salut", "danke",
    };

    /// <summary>Closers that are never anything but a sign-off: before the last words they sign them ("xoxo jen", "cheers mate" is no name).</summary>
    private static readonly HashSet<string> SignOffs = new(StringComparer.OrdinalIgnoreCase)
    {
        "thanks", "thx", "ty", "cheers", "regards", "sincerely", "xo", "xx", "xoxo", "gracias", "merci", "danke", "obrigado",
        "obrigada", "grazie", "blessings", "warmly", "respectfully", "abrazos", "abraços", "bisous",
    };

    private static readonly HashSet<string> Here = new(StringComparer.OrdinalIgnoreCase)
    {
        "here", "again", "hier", "aqui", "aquí", "speaking", "writing", "calling", "checking", "reporting", "texting",
        "messaging", "emailing",
    };

    /// <summary>Verbs that take a person as their subject: "Grace asked me to write", "Will said".</summary>
    private static readonly HashSet<string> PersonVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        "asked", "asks", "said", "says", "told", "tells", "texted", "texts", "emailed", "emails", "messaged", "called", "rang",
        "mentioned", "suggested", "recommended", "wants", "wanted", "needs", "needed", "thinks", "thought", "knows", "knew",
        "drove", "drives", "booked", "signed", "explained", "promised", "insisted", "agreed", "decided", "gave", "sent",
        "referred", "replied", "answered", "wrote", "wonders", "wondered", "hopes", "hoped", "feels", "felt", "prefers",
        "preferred", "forgot", "forgets", "remembers", "remembered", "lives", "lived", "works", "worked", "wishes",
        "wished", "loves", "loved", "hates", "hated", "tried", "tries", "found", "picked", "dropped", "offered",
    };

    /// <summary>Words after which a lone capitalised given name is a place or part of one ("in
    /// Sofia", "near Florence"), not a person.</summary>
    private static readonly HashSet<string> PlaceLeads = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "near", "at", "to", "from", "around", "outside", "inside", "via", "visiting", "visit", "into", "toward",
        "towards", "across", "through", "of", "st", "saint", "ste", "san", "santa", "santo", "são", "sao", "port", "fort",
        "lake", "mount", "mt", "cape", "los", "las", "el", "la", "le", "new", "north", "south", "east", "west", "northern",
        "southern", "eastern", "western", "upper", "lower", "central", "greater", "downtown", "uptown", "prince", "princess",
        "queen", "king", "lady", "bay", "memorial",
    };

    /// <summary>Words after a given name that make it part of a place's or an organisation's name.</summary>
    private static readonly HashSet<string> PlaceSuffixes = new(StringComparer.OrdinalIgnoreCase)
    {
        "street", "st", "road", "rd", "avenue", "ave", "lane", "drive", "hills", "beach", "city", "county", "springs", "falls",
        "heights", "valley", "island", "bay", "river", "hospital", "clinic", "medical", "university", "college", "school",
        "center", "centre", "station", "airport", "mall", "memorial", "institute", "church", "square", "health",
        "healthcare", "insurance", "assurance", "card", "airlines", "airways", "bank", "group", "care", "pharmacy", "mutual",
        "foundation", "lodge", "elementary", "academy", "associates", "llp", "inc", "ltd", "corp", "partners", "logistics",
        "services", "day", "krankenkasse", "versicherung", "mutuelle", "seguros", "saúde", "salud",
    };

    /// <summary>Whether <paramref name="word"/>, after a capitalised word, makes that word part of a
    /// place's or an organisation's name ("Discovery Health", "Rosewood Lodge", "Mercy Hospital").</summary>
    public static bool IsPlaceSuffix(string word) => PlaceSuffixes.Contains(word);

    /// <summary>A title or a word for how someone is related ("Dr", "carer", "mum"): never a name itself.</summary>
    public static bool IsTitleOrRelation(string word) => Titles.Contains(word) || Relations.Contains(word);

    private static readonly HashSet<string> Greetings = new(StringComparer.OrdinalIgnoreCase)
    {
        "hi", "hello", "hey", "hiya", "heya", "dear", "greetings", "howdy", "yo", "oi", "hola", "bonjour", "salut", "hallo",
        "ciao", "olá", "ola", "namaste", "salaam", "shalom", "guten", "tag", "morgen", "abend", "buenos", "buenas", "días",
        "dias", "tardes", "bom", "boa", "dia", "kia", "ora", "g'day", "gday", "good", "morning", "afternoon", "evening",
        "there", "all", "team", "folks", "everyone", "bonsoir", "bonne", "buonasera", "buongiorno", "salve", "noite", "tarde",
        "moin", "servus", "grüezi", "gruezi", "buen",
    };

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "la", "del", "della", "van", "von", "der", "den", "da", "di", "du", "le", "dos", "das", "bin", "binti", "ibn",
        "al", "el", "ten", "ter", "Ó", "Ní", "Nic", "Mac", "Uí", "Te", "te", "ap", "ben", "bat", "y", "e",
    };

    private static readonly System.Buffers.SearchValues<char> SentenceMarks = System.Buffers.SearchValues.Create(".!?\n:;");

    private static readonly System.Buffers.SearchValues<char> QuestionOrDigit = System.Buffers.SearchValues.Create("?0123456789");

    /// <summary>Words after which two unknown capitalised words are more likely a place, a brand or
    /// an insurer than a name ("in Costa Rica", "is Techniker Krankenkasse accepted").</summary>
    private static readonly HashSet<string> Places = new(StringComparer.OrdinalIgnoreCase)
    {
        "in", "from", "to", "at", "near", "visit", "visiting", "via", "into", "around", "across", "outside", "inside", "of",
        "through", "toward", "towards", "insurer", "insurance", "plan", "by", "is", "are", "was", "were", "use", "used", "using",
        "try", "tried", "trying", "accept", "accepts", "take", "takes", "cover", "covers", "like", "love", "watch", "play", "read",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "jr", "sr", "ii", "iii", "iv" };

    /// <summary>The details a name may stand right before ("Priya Raghunathan [phone]").</summary>
    private static readonly string[] Placeholders =
    [
        .. new[] { RedactionKind.Phone, RedactionKind.Email, RedactionKind.StreetAddress, RedactionKind.DateOfBirth, RedactionKind.Date, RedactionKind.IdNumber, RedactionKind.OnlineId }
            .Select(RedactionPlaceholders.For),
    ];

    /// <summary>What a context lets a name be.</summary>
    [Flags]
    private enum Allow
    {
        None = 0,

        /// <summary>Lower-case given names, unknown words and proper nouns ("my son ravi").</summary>
        Lower = 1,

        /// <summary>Given names that are everyday words, capitalised or not ("GRACE HERE").</summary>
        WordName = 2,

        /// <summary>A capitalised everyday word after the first ("June Park" before a phone number).</summary>
        CommonSurname = 4,

        /// <summary>Two name words at least.</summary>
        Surname = 8,

        /// <summary>A given name alone, but not an unknown word or proper noun alone.</summary>
        GivenAlone = 16,
    }

    public static void Find(string text, List<Detected> found)
    {
        var tokens = NameTokens.Read(text);
        if (tokens.Count == 0)
        {
            return;
        }

        var reader = new Reader(text, tokens, NameTokens.CapitalsInform(tokens));
        for (var i = 0; i < tokens.Count; i++)
        {
            var end = reader.NameAt(i);
            if (end > i)
            {
                found.Add(reader.Span(i, end));
                if (end < tokens.Count && reader.IsNameInBrackets(end))
                {
                    found.Add(reader.Span(end, end + 1));
                    end++;
                }
                else if (reader.NameAfterAnd(end) is (> 0 and var start, var joined))
                {
                    found.Add(reader.Span(start, joined));
                    end = joined;
                }

                i = end - 1;
            }
        }
    }

    private sealed partial class Reader(string text, List<NameToken> tokens, bool capitalsInform)
    {
        private readonly NameEvidence?[] _evidence = new NameEvidence?[tokens.Count];

        private bool? _english;

        private bool? _writesCapitals;

        /// <summary>Some word of the message is capitalised: the writer uses capitals.</summary>
        private bool WritesCapitals => _writesCapitals ??= tokens.Exists(t => t.Upper && !t.IsPlaceholder);

        /// <summary>Most of the message's lower-case words are English: capitalised words that are no
        /// English word stand out as names (in a German or Spanish message they do not).</summary>
        private bool English => _english ??= IsEnglish();

        private (Func<int, bool> When, Allow Allow, bool Strict)[] _rules = [];

        /// <summary>The cues before a name, and what each lets the name be; a sign-off must end its line.</summary>
        private (Func<int, bool> When, Allow Allow, bool Strict)[] Rules => _rules.Length > 0 ? _rules : _rules =
        [
            (AfterTitle, Allow.Lower | Allow.WordName | Allow.CommonSurname, false),
            (AfterRelation, Allow.Lower, false),
            (AfterLabel, Allow.Lower | Allow.WordName | Allow.CommonSurname, false),
            (AfterVerb, Allow.None, false),
            (AfterIntro, Allow.None, false),
            (AfterSelfIntro, Allow.WordName, true),
            (AfterCloser, Allow.Lower | Allow.WordName, true),
            (AfterDash, Allow.Lower | Allow.WordName, true),
        ];

        /// <summary>Where the name that starts at token <paramref name="i"/> ends (exclusive), or -1.</summary>
        public int NameAt(int i)
        {
            if (tokens[i].IsInitial(text) && InitialAndSurname(i) is var initialled and > 0)
            {
                return initialled;
            }

            // "Dr. de Vries", "Dr van der Merwe": a particle right after a title starts the name.
            if (Particles.Contains(tokens[i].Text) && AfterTitle(i))
            {
                var k = i;
                while (k < tokens.Count - 1 && k < i + 3 && Particles.Contains(tokens[k].Text) && JoinsName(k + 1))
                {
                    k++;
                }

                return k > i && tokens[k].Upper && Evidence(k) is not (NameEvidence.Stop or NameEvidence.Common) && Read(k, Allow.Lower | Allow.CommonSurname) is var surname and > 0 ? surname : -1;
            }

            if (Evidence(i) is NameEvidence.Stop or NameEvidence.Common && !IsParticle(i))
            {
                return -1;
            }

            foreach (var (when, allow, strict) in Rules)
            {
                if (when(i) && Read(i, allow) is var end and > 0 && EndsWell(i, end, strict))
                {
                    return end;
                }
            }

            return Positional(i);
        }

        /// <summary>The rules that read where the words stand rather than what comes before them.</summary>
        private int Positional(int i)
        {
            // "kwame mensah here", "GRACE HERE", "Bronwyn again".
            if ((StartsClause(i) || IntroducesAtOpening(i)) && Read(i, Allow.Lower | Allow.WordName | Allow.CommonSurname) is var here and > 0 && here < tokens.Count)
            {
                // "ivan & olga petrov here": two names joined before the word.
                var link = Is(here, "and") && Gap(here - 1, here).Trim().Length == 0 ? here + 1 : Gap(here - 1, here).Trim() is "&" ? here : -1;
                if (link > 0 && link < tokens.Count && (link == here || Gap(here, link).Trim().Length == 0)
                    && Read(link, Allow.Lower | Allow.WordName | Allow.CommonSurname) is var second and > 0 && second < tokens.Count && Here.Contains(tokens[second].Text))
                {
                    here = second;
                }

                if (Here.Contains(tokens[here].Text) && Gap(here - 1, here).Trim() is "" or "," && EndsWell(here, here + 1, true))
                {
                    return here;
                }
            }

            if (Spoken(i) is var spoken and > 0)
            {
                return spoken;
            }

            // The first words of the message, or the last: "Shlomo Katz, ...", "... Tomasz Wiśniewski".
            if (OpensMessage(i) && Read(i, Allow.GivenAlone) is var opening and > 0 && EndsOpening(opening))
            {
                return opening;
            }

            if (SentenceStart(i) && Read(i, Allow.GivenAlone | Allow.WordName) is var last and > 0 && IsLastWords(last))
            {
                return last;
            }

            if (SentenceStart(i) && Read(i, Allow.GivenAlone) is var alone and > 0 && alone < tokens.Count && SentenceEndsAt(alone - 1)
                && !Gap(alone - 1, alone).Contains('?'))
            {
                return alone;
            }

            // Between commas, inside a sentence: "the front desk, Precious, she was so kind".
            if (capitalsInform && tokens[i].Upper && i > 0 && Gap(i - 1, i).Trim() is "," && !IsMonth(i)
                && Read(i, Allow.WordName | Allow.GivenAlone) is var between and > 0 && between < tokens.Count && Gap(between - 1, between).TrimStart().StartsWith(','))
            {
                return between;
            }

            // Right before another detail: "June Park, [phone]"; a lone word in capitals there is the
            // detail's label ("NHI ZAB1234", "DOB 1/2/80"), not a name.
            if (StartsClause(i) && Read(i, Allow.WordName | Allow.CommonSurname | Allow.GivenAlone) is var before and > 0 && DetailFollows(before - 1)
                && !(before == i + 1 && tokens[i].AllUpper && capitalsInform))
            {
                return before;
            }

            // Two capitalised words that are no English word, in an English message, not after a
            // place preposition ("Ifeoma Nwosu is parking"; "in Costa Rica" is a place).
            if (capitalsInform && tokens[i].Upper && Evidence(i) is NameEvidence.Unknown or NameEvidence.Proper && English && (i == 0 || !Places.Contains(tokens[i - 1].Text))
                && Read(i, Allow.Surname) is var strangers and > 0 && Enumerable.Range(i, strangers - i).All(k => Evidence(k) is NameEvidence.Unknown or NameEvidence.Proper || IsParticle(k))
                && Enumerable.Range(i, strangers - i).Any(k => Evidence(k) is NameEvidence.Unknown))
            {
                return strangers;
            }

            // A capitalised given name and a surname, anywhere ("Wojciech Nowak", "Abdirahman Yusuf");
            // not the name of an institution ("Henry Ford Hospital").
            if (capitalsInform && tokens[i].Upper && Read(i, Allow.Surname | Allow.WordName) is var pair and > 0 && !NamesAPlace(pair))
            {
                for (var k = i; k < pair; k++)
                {
                    if (Evidence(k) is NameEvidence.Given || (k == i && Evidence(k) is NameEvidence.WordName))
                    {
                        return pair;
                    }
                }
            }

            return -1;
        }

        /// <summary>Reads a name from token <paramref name="i"/>: the first word, then up to three
        /// more (particles, initials and "Jr" join when a name word is around them).</summary>
        private int Read(int i, Allow allow)
        {
            if (!FirstFits(i, allow))
            {
                return -1;
            }

            var first = tokens[i];
            var lowerName = !first.Upper || !capitalsInform;
            var end = i + 1;
            var words = 1;
            var secondIsSurname = false;
            for (var j = i + 1; j < tokens.Count && j <= i + 2 * MaxNameWords && words < MaxNameWords && JoinsName(j); j++)
            {
                if (tokens[j].IsInitial(text))
                {
                    end = j + 1;
                    continue;
                }

                if (IsParticle(j))
                {
                    continue;
                }

                if (Suffixes.Contains(tokens[j].Text) && !lowerName)
                {
                    end = j + 1;
                    break;
                }

                // "Charlotte NC", "Austin TX": a short word in capitals is a code, not a surname; "Charles
                // River", "Grace Hospital": a place or an institution.
                var evidence = (tokens[j].AllUpper && tokens[j].Text.Length <= 3 && capitalsInform) || PlaceSuffixes.Contains(tokens[j].Text) ? NameEvidence.Stop : Evidence(j);
                var fits = evidence switch
                {
                    NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper => !lowerName ? tokens[j].Upper : !tokens[j].Upper || !capitalsInform,
                    NameEvidence.WordName => tokens[j].Upper && !lowerName,
                    NameEvidence.Common => tokens[j].Upper && !lowerName && capitalsInform
                        && (allow.HasFlag(Allow.CommonSurname) || Evidence(i) is NameEvidence.Given),
                    _ => false,
                };
                if (!fits)
                {
                    break;
                }

                secondIsSurname |= words == 1 && evidence is NameEvidence.Given or NameEvidence.Unknown or NameEvidence.Proper;
                words++;
                end = j + 1;
                for (var k = end; k < tokens.Count && k <= i + 2 * MaxNameWords && tokens[k].IsInitial(text) && JoinsName(k); k++)
                {
                    end = k + 1;
                }
            }

            if (words == 1)
            {
                var evidence = Evidence(i);
                if (allow.HasFlag(Allow.Surname) || (allow.HasFlag(Allow.GivenAlone) && evidence is not (NameEvidence.Given or NameEvidence.WordName)))
                {
                    return -1;
                }

                if (evidence is NameEvidence.WordName && !allow.HasFlag(Allow.WordName) && !(capitalsInform && first.Upper && !SentenceStart(i)))
                {
                    return -1;
                }
            }
            else if (Evidence(i) is NameEvidence.WordName && !secondIsSurname && !allow.HasFlag(Allow.CommonSurname))
            {
                return -1;
            }

            return end;
        }

        private bool FirstFits(int i, Allow allow)
        {
            var token = tokens[i];
            var lower = !token.Upper || !capitalsInform;
            return Evidence(i) switch
            {
                NameEvidence.Given => !lower || allow.HasFlag(Allow.Lower) || token.AllUpper || !token.Upper,
                NameEvidence.Unknown or NameEvidence.Proper => token.Upper ? capitalsInform || allow.HasFlag(Allow.Lower) : allow.HasFlag(Allow.Lower),
                NameEvidence.WordName => (capitalsInform && token.Upper) || allow.HasFlag(Allow.WordName),
                _ => false,
            };
        }

        /// <summary>Token <paramref name="j"/> continues a name: a space (or a quote around a
        /// nickname, "Francis 'Frank' Doyle"; after an initial, its full stop) between it and the word
        /// before, no line break.</summary>
        private bool JoinsName(int j)
        {
            var gap = Gap(j - 1, j);
            if (tokens[j - 1].IsInitial(text) && gap.StartsWith('.'))
            {
                // "Marcus T. Delacroix": the initial's full stop.
                gap = gap[1..];
            }

            return gap.Length is > 0 and <= 3 && gap.Trim(" '‘’\"“”").Length == 0 && gap.Contains(' ') && !gap.Contains('\n');
        }

        private bool AfterTitle(int i)
        {
            if (i == 0 || !Titles.Contains(tokens[i - 1].Text) || !JoinsAfterTitle(i))
            {
                return false;
            }

            // "Frau Öztürk", not "meine Frau Probleme": the German word is also "wife" and nouns are capitalised.
            if (tokens[i - 1].Text.Equals("frau", StringComparison.OrdinalIgnoreCase)
                && (!tokens[i].Upper || (i > 1 && Determiners.Contains(tokens[i - 2].Text)) || (i > 1 && GermanArticles.Contains(tokens[i - 2].Text))))
            {
                return false;
            }

            // "1420 N Lakeshore Dr Apt 12C": a capitalised word before "Dr" makes it a street.
            return !(tokens[i - 1].Text.Equals("dr", StringComparison.OrdinalIgnoreCase) && i > 1 && tokens[i - 2].Upper
                && Gap(i - 2, i - 1).Trim().Length == 0 && !Relations.Contains(tokens[i - 2].Text) && Evidence(i - 2) is not NameEvidence.Stop && capitalsInform);
        }

        private bool JoinsAfterTitle(int i) => Gap(i - 1, i).Trim() is "" or ".";

        private bool AfterRelation(int i)
        {
            var at = i - 1;
            if (at >= 0 && tokens[at].Text.Equals("is", StringComparison.OrdinalIgnoreCase) && Gap(at, i).Trim().Length == 0)
            {
                at--;
            }

            if (at < 1 || !Relations.Contains(tokens[at].Text) || Gap(at, at + 1).Trim() is not ("" or "," or ":"))
            {
                return false;
            }

            // Back over the words that describe the relation ("my younger brother", "our 19 year old son").
            var determiner = at - 1;
            while (determiner > 0 && determiner > at - 5 && RelationModifiers.Contains(tokens[determiner].Text) && Describes(determiner, determiner + 1))
            {
                determiner--;
            }

            return Determiners.Contains(tokens[determiner].Text) && Describes(determiner, determiner + 1);
        }

        private bool AfterLabel(int i)
        {
            if (i == 0)
            {
                return false;
            }

            var gap = Gap(i - 1, i).Trim();
            if (Labels.Contains(tokens[i - 1].Text) && gap is ":")
            {
                return true;
            }

            return gap.Length == 0 && i > 1 && PairedCues.Contains($"{tokens[i - 2].Text} {tokens[i - 1].Text}") && Gap(i - 2, i - 1).Trim().Length == 0
                && (tokens[i - 1].Text is not ("for" or "to" or "with") || capitalsInform);
        }

        private bool AfterVerb(int i) =>
            i > 0 && Verbs.Contains(tokens[i - 1].Text) && Gap(i - 1, i).Trim().Length == 0
            && (tokens[i].Upper || Evidence(i) is NameEvidence.Given);

        /// <summary>Only spaces, digits and hyphens between two words of a description ("19-year-old").</summary>
        private bool Describes(int before, int after) => Gap(before, after).Trim(" \t-0123456789").Length == 0;

        private bool AfterIntro(int i)
        {
            if (i == 0 || Gap(i - 1, i).Trim().Length > 0)
            {
                return false;
            }

            var intro = tokens[i - 1].Text;
            var isIntro = Intros.Contains(intro) && (intro is not ("bin" or "aqui" or "sou" or "się") || (i > 1 && tokens[i - 2].Text is "ich" or "Ich" or "eu" or "Eu" or "nazywam" or "Nazywam"));
            if (!isIntro && i > 1 && tokens[i - 2].Text is "it" or "It" or "he" or "He" or "she" or "She" && intro is "is")
            {
                isIntro = true;
            }

            // "sono chiara?", "soy blanca": in another language the intro says what or where one is as
            // often as who, and many given names are words there; the name is the capitalised word,
            // unless the writer uses no capitals at all.
            var english = intro.ToLowerInvariant() is "it's" or "it’s" or "its" or "he's" or "he’s" or "she's" or "she’s" or "is";
            return isIntro && (tokens[i].Upper || (Evidence(i) is NameEvidence.Given && (english || !capitalsInform || !WritesCapitals)));
        }

        private bool IsEnglish()
        {
            int lower = 0, unknown = 0;
            for (var k = 0; k < tokens.Count; k++)
            {
                if (!tokens[k].Upper && !tokens[k].IsPlaceholder)
                {
                    lower++;
                    unknown += Evidence(k) is NameEvidence.Unknown ? 1 : 0;
                }
            }

            return lower >= 5 && unknown * 10 <= lower;
        }

        /// <summary>"hey its ...", "this is ...": an intro that opens the message.</summary>
        private bool IntroducesAtOpening(int i) =>
            i > 0 && Gap(i - 1, i).Trim().Length == 0 && ((tokens[i - 1].Text.ToLowerInvariant() is "it's" or "it’s" or "its" && OpensMessage(i - 1))
                || (i > 1 && tokens[i - 1].Text is "is" && tokens[i - 2].Text.ToLowerInvariant() is "this" && OpensMessage(i - 2)));

        /// <summary>"i'm", "im", "i am" opening the message ("hi im zanele, ...").</summary>
        private bool SelfIntroAtOpening(int i) =>
            i > 0 && Gap(i - 1, i).Trim().Length == 0
            && ((tokens[i - 1].Text.ToLowerInvariant() is "i'm" or "i’m" or "im" && OpensMessage(i - 1))
                || (i > 1 && tokens[i - 1].Text is "am" && tokens[i - 2].Text is "i" or "I" && OpensMessage(i - 2)));

        /// <summary>"I'm Will.", "I am Hope and ...": a given name that is also a word, after "I'm"
        /// (other names after it are read by <see cref="NameDetector"/>), when the sentence does not go on.</summary>
        private bool AfterSelfIntro(int i) =>
            i > 0 && Evidence(i) is NameEvidence.WordName && Gap(i - 1, i).Trim().Length == 0
            && (tokens[i - 1].Text.ToLowerInvariant() is "i'm" or "i’m" || (tokens[i - 1].Text is "am" && i > 1 && tokens[i - 2].Text is "I" or "i"))
            && (i + 1 >= tokens.Count || !Gap(i, i + 1).Trim().StartsWith('-'))
            && (i + 1 >= tokens.Count || Gap(i, i + 1).Trim().Length > 0 || tokens[i + 1].Text is "and" or "from" or "here" or "again");

        /// <summary>After a sign-off ("Thanks, Rich", "Thanks again, Bongani", "Gruß,\nKatrin"): a
        /// clause of at most four words that starts with a sign-off word, then a comma or a line
        /// break, or nothing when the name ends the message ("thank you so much Yasmin!").</summary>
        private bool AfterCloser(int i)
        {
            if (i == 0)
            {
                return false;
            }

            var gap = Gap(i - 1, i);
            var separated = gap.Contains(',') || gap.Contains('\n') || gap.Trim() is "-" or "—" or "–";
            if (!separated && (gap.Trim().Length > 0 || !IsLastWords(Read(i, Allow.Lower | Allow.WordName))))
            {
                return false;
            }

            // "the nurse was amazing xoxo jen": a word that only signs off, right before the last words.
            if (!separated && SignOffs.Contains(tokens[i - 1].Text))
            {
                return true;
            }

            // The clause before the name: back to its start, at most four words, holding a sign-off word.
            var closer = false;
            for (var k = i - 1; k >= 0 && k >= i - 4; k--)
            {
                closer |= IsCloser(k);
                if (k == 0 || StartsClause(k))
                {
                    return separated ? closer : IsCloser(k);
                }
            }

            return false;
        }

        private bool IsCloser(int k) => Closers.Contains(tokens[k].Text) || NameLexicon.IsThanks(tokens[k].Text);

        /// <summary>After a dash that stands apart ("- Ciarán", "— Achieng,").</summary>
        private bool AfterDash(int i)
        {
            var start = i == 0 ? 0 : tokens[i - 1].End;
            var gap = text.AsSpan(start, tokens[i].Start - start);
            var dash = gap.LastIndexOfAny("-—–");
            return dash >= 0 && gap[(dash + 1)..].Trim().Length == 0 && (dash == 0 ? start == 0 || char.IsWhiteSpace(text[start - 1]) : char.IsWhiteSpace(gap[dash - 1]) || gap[dash - 1] is '.' or '!' or '?' or ',');
        }

        /// <summary>The name is followed by the end of the text, a line break, a comma or a full stop.</summary>
        private bool EndsWell(int i, int end, bool strict)
        {
            if (end >= tokens.Count)
            {
                return true;
            }

            var gap = Gap(end - 1, end);
            if (!strict)
            {
                return true;
            }

            var trimmed = gap.TrimStart(" \t'’\")");
            return trimmed.Length > 0 && trimmed[0] is ',' or '.' or '!' or '\n' or ';' or ':' or '-' or '—' or '–' or '(' or '\r'
                || (!capitalsInform && !tokens[end].Text.Any(char.IsLower)) || (i < end && Evidence(i) is not NameEvidence.WordName && capitalsInform);
        }

        private bool EndsOpening(int end) =>
            end >= tokens.Count || Gap(end - 1, end).TrimStart() is var gap && gap.Length > 0 && gap[0] is ',' or '.' or ':' or '\n' or '(' or '-' or '—' or '–' or '\r';

        /// <summary>Nothing but punctuation, emoji and spaces follow: the name ends the message.</summary>
        private bool IsLastWords(int end) => end >= tokens.Count && !text.AsSpan(tokens[end - 1].End).ContainsAny(QuestionOrDigit);

        private bool SentenceEndsAt(int last)
        {
            var gap = Gap(last, last + 1).TrimStart();
            return gap.Length > 0 && gap[0] is '.' or '!' or '\n';
        }

        private bool DetailFollows(int last)
        {
            var rest = text.AsSpan(tokens[last].End).TrimStart(" ,:-–—\t");
            foreach (var placeholder in Placeholders)
            {
                if (rest.StartsWith(placeholder, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The first words of the message, after a greeting ("hi, ", "Hello there, ").</summary>
        private bool OpensMessage(int i)
        {
            if (i > 4)
            {
                return false;
            }

            for (var k = 0; k < i; k++)
            {
                if (!(Greetings.Contains(tokens[k].Text) || NameLexicon.IsElongatedGreeting(tokens[k].Text)) || Gap(k, k + 1).Contains('\n'))
                {
                    return false;
                }
            }

            return text.AsSpan(0, tokens[0].Start).Trim().Length == 0;
        }

        private bool StartsClause(int i) => OpensMessage(i) || SentenceStart(i) || (i > 0 && Gap(i - 1, i).Trim() is "," or ";" or "—" or "–" or "-" or ":");

        private bool SentenceStart(int i)
        {
            if (i == 0)
            {
                return true;
            }

            var gap = Gap(i - 1, i);
            return gap.ContainsAny(SentenceMarks) && !gap.Contains(", ", StringComparison.Ordinal);
        }

        private bool IsParticle(int i) => Particles.Contains(tokens[i].Text) && i + 1 < tokens.Count && JoinsName(i + 1) && i > 0 && JoinsName(i);

        private bool IsMonth(int i) =>
            (EndsPossessive(tokens[i].Text) ? tokens[i].Text[..^2] : tokens[i].Text).ToLowerInvariant() is "may" or "june" or "april" or "august" or "march";

        /// <summary>What the word says by itself; a title or a relation word ("Frau", "Pastor") is never
        /// part of the name; a given name with 's is still one ("Will's", "Andre's").</summary>
        private NameEvidence Evidence(int i) => _evidence[i] ??=
            tokens[i].IsPlaceholder || Titles.Contains(tokens[i].Text) || Relations.Contains(tokens[i].Text)
                || (capitalsInform && NameTokens.IsAcronym(text, tokens, i)) ? NameEvidence.Stop
            : WordEvidence(tokens[i].Text) is var evidence && ((evidence is NameEvidence.Stop && BeforeSurname(i)) || (evidence is NameEvidence.Common && WordBeforeSurname(i))) ? NameEvidence.Given
            : evidence;

        /// <summary>"Jan Kowalski": a capitalised given name that is also a month or a function word, right
        /// before a capitalised surname that is no English word.</summary>
        private bool BeforeSurname(int i) =>
            capitalsInform && tokens[i].Upper && !tokens[i].AllUpper && i + 1 < tokens.Count && JoinsName(i + 1) && tokens[i + 1].Upper && !tokens[i + 1].AllUpper
            && NameLexicon.IsGivenName(tokens[i].Text) && WordEvidence(tokens[i + 1].Text) is NameEvidence.Unknown;

        /// <summary>"I'm Cherish Oyelaran", "member is Prosper Adeleke-Nwosu": an everyday word written
        /// with a capital inside an English sentence, right before a capitalised surname that is no
        /// English word, is a given name; not after a word that leads to a place ("in", "near"), and
        /// not before a word that makes a place ("Oyelaran Street").</summary>
        private bool WordBeforeSurname(int i) =>
            capitalsInform && tokens[i].Upper && !tokens[i].AllUpper && !SentenceStart(i) && !PlaceLeads.Contains(tokens[i - 1].Text)
            && i + 1 < tokens.Count && JoinsName(i + 1) && tokens[i + 1].Upper && !tokens[i + 1].AllUpper
            && WordEvidence(tokens[i + 1].Text) is NameEvidence.Unknown && English
            && (i + 2 >= tokens.Count || !PlaceSuffixes.Contains(tokens[i + 2].Text));

        private static NameEvidence WordEvidence(string word)
        {
            var evidence = NameLexicon.Evidence(word);
            if (evidence is NameEvidence.Common && EndsPossessive(word))
            {
                var owner = NameLexicon.Evidence(word[..^2]);
                return owner is NameEvidence.Given or NameEvidence.WordName ? owner : evidence;
            }

            return evidence;
        }

        private static bool EndsPossessive(string word) => word.Length > 3 && word[^1] == 's' && word[^2] is '\'' or '’';

        /// <summary>The text between two tokens (to the end when <paramref name="after"/> is past the last).</summary>
        private ReadOnlySpan<char> Gap(int before, int after) =>
            after >= tokens.Count ? text.AsSpan(tokens[before].End) : text.AsSpan(tokens[before].End, tokens[after].Start - tokens[before].End);

        /// <summary>A name in brackets right after a name: in another script ("Kenji Watanabe (渡辺健二)")
        /// or a nickname ("Tadeusz (Ted)").</summary>
        public bool IsNameInBrackets(int i) =>
            Gap(i - 1, i).Trim() is "(" && tokens[i].End < text.Length && text[tokens[i].End] == ')' && tokens[i].Text.Length <= 12
            && (!tokens[i].Text.Any(char.IsAscii)
                || (tokens[i].Upper && Evidence(i) is NameEvidence.Given or NameEvidence.WordName or NameEvidence.Unknown or NameEvidence.Proper));

        /// <summary>The text of tokens [start, end), without a trailing possessive ('s).</summary>
        public Detected Span(int start, int end)
        {
            var from = tokens[start].Start;
            var to = tokens[end - 1].End;
            // "J.R.", "J.T.M.": initials written together end with the name's last initial.
            while (to + 2 < text.Length && text[to] == '.' && char.IsUpper(text[to + 1]) && text[to + 2] == '.')
            {
                to += 2;
            }

            if (to - from > 3 && text[to - 1] == 's' && text[to - 2] is '\'' or '’')
            {
                to -= 2;
            }

            return new Detected(from, to - from, RedactionKind.Name);
        }
    }
}
