namespace FaqBot.Core.Privacy;

/// <summary>The greetings and function words of French, Spanish, Portuguese, Italian and German:
/// articles, pronouns, prepositions, conjunctions, the commonest verbs ("suis", "soy", "sou",
/// "sono", "bin", "vive") and adverbs ("ahí", "hier"). The English word list does not know them, so
/// without this list they read as unknown words, that is as possible names ("— je suis à Paris",
/// "mi mamá que ya no", "— ahí vive mi papá"). Never a name.</summary>
internal static class OtherLanguageWords
{
    /// <summary>Never a name, whatever their case ("Bonsoir,", "Je suis", "Que").</summary>
    private static readonly HashSet<string> Always = new(StringComparer.OrdinalIgnoreCase)
    {
        // Greetings and their parts.
        "bonsoir", "bonne", "nuit", "buonasera", "buongiorno", "buonanotte", "salve", "noite", "tarde", "moin", "servus",
        "grüezi", "gruezi", "bonjour", "buenas", "buenos", "buen", "boa", "bom",

        // French.
        "je", "j'", "il", "nous", "vous", "ils", "elles", "moi", "toi", "leur", "leurs", "ce", "cette",
        "ces", "cet", "les", "une", "au", "aux", "à", "et", "mais", "donc", "car", "que", "qu'", "qui", "quoi",
        "dont", "où", "dans", "sur", "sous", "avec", "pour", "par", "chez", "vers", "sans", "depuis", "pendant", "suis",
        "est", "sommes", "êtes", "sont", "avons", "avez", "ont", "été", "être", "avoir", "fait", "vais", "va",
        "vont", "peux", "peut", "veux", "veut", "ne", "pas", "plus", "très", "mon", "mes", "tes",
        "ses", "notre", "votre", "nos", "vos", "c'est", "j'ai", "j'arrive", "n'est", "qu'il",

        // Spanish.
        "yo", "tú", "él", "nosotros", "nosotras", "ellos", "ellas", "usted", "ustedes", "se", "los",
        "las", "unos", "unas", "y", "pero", "qué", "quien", "quién", "como", "cómo", "donde", "dónde", "cuando",
        "cuándo", "con", "sin", "por", "para", "desde", "hasta", "entre", "sobre", "soy", "eres", "es", "somos",
        "estoy", "está", "estamos", "están", "estás", "fui", "era", "tengo", "tiene", "tienen", "tenemos", "hay", "vive",
        "vivo", "viven", "vivimos", "ahí", "allí", "allá", "aquí", "acá", "muy", "también", "ya", "sí", "sus", "tus",
        "mi", "mis", "este", "esta", "estos", "estas", "ese", "eso", "llamo", "llama",

        // Portuguese.
        "eu", "ele", "nós", "eles", "elas", "você", "vocês", "os", "uma", "uns", "umas", "nas",
        "aos", "com", "sem", "pelo", "pela", "sou", "é", "são", "estou", "tenho", "tem", "moro",
        "aqui", "lá", "muito", "já", "não", "seu", "sua", "meu", "minha", "chamo",

        // Italian.
        "io", "noi", "voi", "loro", "gli", "uno", "come", "dove", "quando", "senza", "dei",
        "delle", "nella", "sono", "è", "siamo", "siete", "hai", "abbiamo", "hanno", "sto", "abito", "abita",
        "qua", "lì", "là", "molto", "anche", "già", "non", "mio", "mia", "suo", "chiamo",

        // German.
        "ich", "er", "sie", "wir", "ihr", "die", "dem", "ein", "eine", "einen", "einem", "einer", "und", "oder",
        "aber", "dass", "wer", "was", "wie", "wann", "im", "am", "auf", "aus", "mit", "nach", "vom",
        "zum", "zur", "für", "über", "unter", "vor", "ohne", "bist", "ist", "sind", "seid", "war", "habe", "hast", "hat",
        "haben", "wohne", "wohnt", "lebe", "lebt", "dort", "sehr", "auch", "schon", "nicht", "ja", "nein", "dein",
        "deine", "sein", "seine", "ihre", "unser", "unsere", "heiße", "heisse",
    };

    /// <summary>Function words written the way a surname of another culture or a name's particle is
    /// ("Le", "Ma", "Han", "Sim", "Su", "De Vries", "Della"): never a name only in lower case.</summary>
    private static readonly HashSet<string> InLowerCase = new(StringComparer.Ordinal)
    {
        "le", "la", "un", "du", "de", "del", "della", "alla", "al", "el", "da", "di", "do", "dos", "no", "na", "o", "e", "a",
        "en", "on", "ou", "ni", "lui", "su", "tu", "sa", "ta", "han", "ha", "he", "sim", "um", "chi", "sei", "des",
        "der", "den", "das", "von", "van", "bin", "an", "in", "me", "ali", "ho", "son", "lo", "ma", "em", "una", "ai", "mora",
        "elle", "wo", "bei", "zu", "ton", "te", "esa", "ela", "ao", "che", "per", "nel",
    };

    /// <summary>A greeting or function word of one of these languages.</summary>
    public static bool IsFunction(string word) =>
        Always.Contains(word) || (InLowerCase.Contains(word) && word.All(char.IsLower));
}
