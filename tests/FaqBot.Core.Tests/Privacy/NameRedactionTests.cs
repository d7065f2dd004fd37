using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Names people give about themselves and the people around them, and the look-alikes
/// ("I'm Worried") that are no name.</summary>
public sealed class NameRedactionTests
{
    /// <summary>(message, what is stored, the name that must be gone).</summary>
    public static TheoryData<string, string, string> Names => new()
    {
        { "Hi my name is Maria Lopez and my number is 555-201-7789", "Hi my name is [name] and my number is [phone]", "Lopez" },
        { "Hi my name is jane doe and i have a question", "Hi my name is [name] and i have a question", "doe" },
        { "my name is Mary-Jane O'Neil", "my name is [name]", "O'Neil" },
        { "My name's Sam, I go by Sammy", "My name's [name], I go by [name]", "Sam" },
        { "Name: Jane Doe", "Name: [name]", "Doe" },
        { "Patient name: John Q. Public DOB: 1/2/1960", "Patient name: [name] DOB: [date of birth]", "Public" },
        { "I'm Jane.", "I'm [name].", "Jane" },
        { "I am Jane Smith, a new patient.", "I am [name], a new patient.", "Smith" },
        { "I'm Maria de la Cruz and I'm interested", "I'm [name] and I'm interested", "Cruz" },
        { "Hi, this is John calling about my appointment", "Hi, this is [name] calling about my appointment", "John" },
        { "call me Sam please", "call me [name] please", "Sam" },
        { "This is Jane's mother writing", "This is [name]'s mother writing", "Jane" },
        { "my wife Maria will drive me home", "my wife [name] will drive me home", "Maria" },
        { "My husband, Tom, will pick me up.", "My husband, [name], will pick me up.", "Tom" },
        { "my son is named tom and he is 12", "my son is named [name] and he is 12", "tom" },
        { "Can my sister Ana drive me?", "Can my sister [name] drive me?", "Ana" },
        { "Mrs. Nguyen referred me", "Mrs. [name] referred me", "Nguyen" },
        { "Mrs. White and Ms. Johnson said it helped", "Mrs. [name] and Ms. [name] said it helped", "White" },
        { "Hello, I am Dr. Smith's patient", "Hello, I am Dr. [name]'s patient", "Smith" },
        { "I'm Ahmed and my husband Jared will drive", "I'm [name] and my husband [name] will drive", "Jared" },
        { "Mum wants to talk to you. Her name's Noreen.", "Mum wants to talk to you. Her name's [name].", "Noreen" },
        { "his name's oyelaran and he is driving", "his name's [name] and he is driving", "oyelaran" },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Redacts_names_after_a_cue(string message, string expected, string name)
    {
        var redacted = Redactor.Default.Redact(message);

        Assert.Equal(expected, redacted);
        Assert.DoesNotContain(name, redacted, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("I'm Worried about the side effects.")]
    [InlineData("Hi there, I'm Aussie but living in Ohio now. I'm Filipino-American, I'm a Kiwi.")]
    [InlineData("I'm Nigerian, I'm Sikh, I'm Texan and I'm Québécois")]
    [InlineData("I am Nervous, is that normal?")]
    [InlineData("I'm Not sure if my insurance covers it.")]
    [InlineData("I'm nervous and I'm scared")]
    [InlineData("I'm Sorry, I'm Pregnant, I am Bipolar, I'm Over 65")]
    [InlineData("This is Urgent, I'm Desperate, This is Ridiculous")]
    [InlineData("I'm Calling because I am Interested in ketamine")]
    [InlineData("I'm Really Hopeful, I'm Claustrophobic")]
    [InlineData("Please call me back, I'm Available Monday.")]
    [InlineData("Call me ASAP or call me at home")]
    [InlineData("my name is on the waiting list")]
    [InlineData("my wife will drive me and my Mom Can come too")]
    [InlineData("This is a question about Spravato")]
    [InlineData("I don't want to miss Tuesday's infusion")]
    [InlineData("I have MS Since 2010")]
    public void Leaves_ordinary_words_after_a_cue(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Theory]
    [InlineData("Emily")]
    [InlineData("Kelly")]
    [InlineData("Christian")]
    [InlineData("Sterling")]
    [InlineData("Mohamed")]
    [InlineData("Xochitl")]
    [InlineData("Grace")]
    [InlineData("Noreen")]
    [InlineData("Karthik")]
    [InlineData("D'Andre")]
    public void Names_that_look_like_words_or_share_their_endings_are_still_names(string name) =>
        Assert.Equal("Hi, I'm [name].", Redactor.Default.Redact($"Hi, I'm {name}."));

    [Fact]
    public void Takes_at_most_four_name_words()
    {
        // One reading takes four words; the surname left after them is read next to the name found.
        Assert.Equal("My name is [name] [name]", Redactor.Default.Redact("My name is Maria Jose Garcia Lopez Hernandez"));
        Assert.Equal("My name is [name] and i called", Redactor.Default.Redact("My name is Maria Jose Garcia Lopez and i called"));
    }
}
