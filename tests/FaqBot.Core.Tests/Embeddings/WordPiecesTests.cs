using FaqBot.Core.Embeddings;

namespace FaqBot.Core.Tests.Embeddings;

public sealed class WordPiecesTests
{
    private static readonly string[] Vocabulary =
        ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "oka", "##for", "o", "##k", "##a", ",", "siobhan", "田", "-", "ruth", "ann"];

    private static readonly WordPieces Pieces = new(Vocabulary);

    private static List<string> Read(string word)
    {
        var ids = new List<int>();
        Pieces.Add(word, ids);
        return [.. ids.Select(id => Vocabulary[id])];
    }

    [Fact]
    public void The_longest_piece_is_taken_first_and_later_pieces_are_marked_as_inside_the_word() =>
        Assert.Equal(["oka", "##for"], Read("Okafor"));

    [Fact]
    public void Accents_and_case_do_not_change_the_pieces() =>
        Assert.Equal(Read("siobhan"), Read("Siobhán"));

    [Fact]
    public void Punctuation_and_cjk_characters_are_pieces_of_their_own()
    {
        Assert.Equal(["ruth", "-", "ann"], Read("Ruth-Ann"));
        Assert.Equal(["田", "田"], Read("田田"));
        Assert.Equal(["oka", ","], Read("oka,"));
    }

    [Fact]
    public void A_part_with_no_match_is_one_unknown_piece() =>
        Assert.Equal(["[UNK]"], Read("okaz"));

    [Fact]
    public void A_part_longer_than_the_limit_is_one_unknown_piece_without_being_matched() =>
        Assert.Equal(["[UNK]"], Read(string.Concat(Enumerable.Repeat("ok", WordPieces.MaxPartLength))));

    [Fact]
    public void Invalid_unicode_is_an_unknown_piece_rather_than_an_error()
    {
        Assert.Equal(["oka", "[UNK]"], Read("oka\uDC00"));
        Assert.Equal(["[UNK]", "oka"], Read("\uFFFEoka"));
    }

    [Fact]
    public void A_limit_keeps_the_first_pieces_and_reads_no_further()
    {
        var all = new List<int>();
        var first = new List<int>();
        const string Word = "oka,okafor,oka,okafor" + ",,,,,,,,,,";

        Pieces.Add(Word, all);
        var count = Pieces.Add(Word, first, limit: 4);

        Assert.Equal(4, count);
        Assert.Equal(all.Take(4), first);
    }

    [Fact]
    public void A_vocabulary_without_its_markers_is_refused() =>
        Assert.Throws<InvalidDataException>(() => new WordPieces(["a", "b"]));
}
