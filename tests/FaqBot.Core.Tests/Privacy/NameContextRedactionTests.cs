using FaqBot.Core.Privacy;

namespace FaqBot.Core.Tests.Privacy;

/// <summary>Names without a cue phrase, read from where they stand and what they are made of, and
/// the everyday words (many of them also given names) that must stay as written.</summary>
public sealed class NameContextRedactionTests
{
    public static TheoryData<string, string> Names => new()
    {
        // A given name and a surname, anywhere; names from many cultures.
        { "can you let the nurse know that Tariq Haddad will be late", "can you let the nurse know that [name] will be late" },
        { "Abdirahman Yusuf is driving me", "[name] is driving me" },
        { "Hope Mwangi booked for Friday", "[name] booked for Friday" },
        { "please confirm for Óscar Domínguez", "please confirm for [name]" },
        { "can you let the front desk know Okwudili Anyanwu is parking", "can you let the front desk know [name] is parking" },

        // Titles, relation and person words, verbs of telling and asking, labels.
        { "tell Dr. Okafor that Beatriz Kowalczyk will be late", "tell Dr. [name] that [name] will be late" },
        { "my psychiatrist, dr. hiroshi tanaka, referred me", "my psychiatrist, dr. [name], referred me" },
        { "my wife, Ngozi Adeyemi, will drive me", "my wife, [name], will drive me" },
        { "my son Mateo has his consult on Friday", "my son [name] has his consult on Friday" },
        { "my neighbour Grace will bring me", "my neighbour [name] will bring me" },
        { "my sister May is coming along", "my sister [name] is coming along" },
        { "our friend kalani is picking me up", "our friend [name] is picking me up" },
        { "meine Frau Anneliese braucht einen Termin", "meine Frau [name] braucht einen Termin" },
        { "can u tell marco im outside", "can u tell [name] im outside" },
        { "ask for Lwazi at the desk", "ask for [name] at the desk" },
        { "Patient: siddharth rao", "Patient: [name]" },
        { "the booking is under Tomás Herrera", "the booking is under [name]" },

        // Before "here", "again"; intros in other languages.
        { "Evelyn Marchetti here, can I move my booking?", "[name] here, can I move my booking?" },
        { "kwabena osei here, running late", "[name] here, running late" },
        { "DESMOND HERE. CALL ME", "[name] HERE. CALL ME" },
        { "hi it's Amara again, did you get my forms?", "hi it's [name] again, did you get my forms?" },
        { "je suis Chloé Lambert, je voudrais un rendez-vous", "je suis [name], je voudrais un rendez-vous" },
        { "Hi, I'm Will.", "Hi, I'm [name]." },

        // Sign-offs, openings, a sentence of its own, between commas, next to another detail.
        { "Thanks, Priya Raghunathan", "Thanks, [name]" },
        { "can I pay in two parts? cheers, marguerite", "can I pay in two parts? cheers, [name]" },
        { "Thanks for your help. Kind regards, Tomasz", "Thanks for your help. Kind regards, [name]" },
        { "see you thursday\n\n- Marisol", "see you thursday\n\n- [name]" },
        { "running 10 min late — Ahmed, in the blue car", "running 10 min late — [name], in the blue car" },
        { "Svetlana Petrova, booked for Tuesday, can I change it?", "[name], booked for Tuesday, can I change it?" },
        { "hi, Connor Ó Dálaigh, first visit next week", "hi, [name], first visit next week" },
        { "is the parking free? Niamh", "is the parking free? [name]" },
        { "the lady at reception, Precious, was so kind", "the lady at reception, [name], was so kind" },
        { "I am Kenji Watanabe (渡辺健二), first visit", "I am [name] ([name]), first visit" },
        { "- Joy M.", "- [name]." },
    };

    [Theory]
    [MemberData(nameof(Names))]
    public void Redacts_names_without_a_cue_phrase(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    /// <summary>Names placed by how people speak of each other rather than by a cue phrase: a
    /// greeting, the writer's company, an apposition, the last words after a comma, a given name
    /// that is also a word where only a person fits, a given name alone inside a sentence, an
    /// initial and a surname, relation words with what describes them, intros of other languages.</summary>
    public static TheoryData<string, string> SpokenNames => new()
    {
        { "Hi Grace, can you move my booking to Friday?", "Hi [name], can you move my booking to Friday?" },
        { "Dear Ngaire, thanks for the call yesterday.", "Dear [name], thanks for the call yesterday." },
        { "hello aisha, is the clinic open today", "hello [name], is the clinic open today" },
        { "Good morning Siobhán! Running 5 min late.", "Good morning [name]! Running 5 min late." },
        { "Mark and I are both booked for Tuesday.", "[name] and I are both booked for Tuesday." },
        { "Will and I would like a joint consult.", "[name] and I would like a joint consult." },
        { "me and Hemi will come together", "me and [name] will come together" },
        { "can me and Oluwaseun share the room?", "can me and [name] share the room?" },
        { "Priyanka & I want to ask about couples pricing", "[name] & I want to ask about couples pricing" },
        { "the driver is outside (me, Bongani) in a red Golf", "the driver is outside (me, [name]) in a red Golf" },
        { "it's me, Rose! I forgot my charger there", "it's me, [name]! I forgot my charger there" },
        { "thanks for everything, Dmitri", "thanks for everything, [name]" },
        { "see you next week, Mele", "see you next week, [name]" },
        { "send the invoice to my work email, Oyelaran", "send the invoice to my work email, [name]" },
        { "Grace asked me to book for her, she's 82.", "[name] asked me to book for her, she's 82." },
        { "Hope said you might have a cancellation list?", "[name] said you might have a cancellation list?" },
        { "Earlier today Faith told me the price went up.", "Earlier today [name] told me the price went up." },
        { "Will's picking me up at 3, is that ok?", "[name]'s picking me up at 3, is that ok?" },
        { "Rose's husband will sign the consent form.", "[name]'s husband will sign the consent form." },
        { "Noreen, my mum, would like to call you.", "[name], my mum, would like to call you." },
        { "Joy is my wife and she'll drive me.", "[name] is my wife and she'll drive me." },
        { "I think Karthik needs a letter for work.", "I think [name] needs a letter for work." },
        { "Can Thandiwe come in with me?", "Can [name] come in with me?" },
        { "Is it ok if Rahul waits in the car?", "Is it ok if [name] waits in the car?" },
        { "My wife says Mateus is coming too.", "My wife says [name] is coming too." },
        { "Booking for my younger sister Aroha, she's 22.", "Booking for my younger sister [name], she's 22." },
        { "my 19 year old son Kai has autism, is that ok?", "my 19 year old son [name] has autism, is that ok?" },
        { "my best friend Lwazi will stay with me", "my best friend [name] will stay with me" },
        { "my bf tomasz is driving", "my bf [name] is driving" },
        { "my hubby Raj is anxious about it", "my hubby [name] is anxious about it" },
        { "my abuela Consuelo needs Spanish paperwork", "my abuela [name] needs Spanish paperwork" },
        { "my tita Marites will bring me", "my tita [name] will bring me" },
        { "Sou a Joana, queria marcar uma consulta", "Sou a [name], queria marcar uma consulta" },
        { "Mi nombre es Xiomara, necesito una cita", "Mi nombre es [name], necesito una cita" },
        { "Ako si Rodel, pwede po ba mag book?", "Ako si [name], pwede po ba mag book?" },
        { "mera naam Sunil hai, appointment chahiye", "mera naam [name] hai, appointment chahiye" },
        { "His name's Kwabena and he's 30.", "His name's [name] and he's 30." },
        { "Their name is Sasha, they use they/them.", "Their name is [name], they use they/them." },
        { "Running late. - J. Okonkwo", "Running late. - [name]" },
        { "Thanks, M. Dubois", "Thanks, [name]" },
        { "Please ask A. Nwachukwu to call me back.", "Please ask [name] to call me back." },
        { "My husband Mikhail (Misha) will call.", "My husband [name] ([name]) will call." },
        { "Aiyana Redcloud checking in for my 2pm.", "[name] checking in for my 2pm." },
        { "Tevita Fifita reporting for the infusion", "[name] reporting for the infusion" },
        { "D'Shawn Jefferson here, can't find parking", "[name] here, can't find parking" },
        { "Keanu Kahale, new patient, what do I bring?", "[name], new patient, what do I bring?" },
        { "Sorry, stuck in traffic. Precious", "Sorry, stuck in traffic. [name]" },
        { "See you soon. Ngozi", "See you soon. [name]" },
        { "sky, 24, they/them, how much is it?", "[name], 24, they/them, how much is it?" },
        { "Lakshmi, 58, first timer here", "[name], 58, first timer here" },
        { "Asante sana, Wanjiru", "Asante sana, [name]" },
        { "Salamat po, Lorna", "Salamat po, [name]" },
        { "Merci, Anaïs", "Merci, [name]" },
        { "Gracias, Rigoberto", "Gracias, [name]" },
        { "Danke, Jürgen", "Danke, [name]" },
        { "Thank you so much, Yusuf", "Thank you so much, [name]" },
        { "-- Ifeanyi", "-- [name]" },
        { "— Saoirse", "— [name]" },
        { "Cheers,\nBronwen", "Cheers,\n[name]" },
        { "Regards,\nThanh Huong Nguyen", "Regards,\n[name]" },
        { "Can you tell Esperanza that I'm here?", "Can you tell [name] that I'm here?" },
        { "please let Wiremu know I'm outside", "please let [name] know I'm outside" },
        { "ask for Dolores at reception", "ask for [name] at reception" },
        { "spoke to Ayodele yesterday about billing", "spoke to [name] yesterday about billing" },
        { "Patient: Hoang Van Minh", "Patient: [name]" },
        { "The booking is under Bui Thi Lan", "The booking is under [name]" },
        { "my neighbor, Mrs. Kowalczyk, will drive me", "my neighbor, Mrs. [name], will drive me" },
        { "Dr. Adeyemi-Jones referred me", "Dr. [name] referred me" },
        { "thanks so much, oluwadamilola", "thanks so much, [name]" },
        { "ok see u then - tamsin", "ok see u then - [name]" },
        { "its ngaio again, did u get my form", "its [name] again, did u get my form" },
        { "hey its kaveh, running late", "hey its [name], running late" },
        { "this is zanele from tuesday's group", "this is [name] from tuesday's group" },
        { "my name is siosaia fonua", "my name is [name]" },
        { "my partner yerlan will pick me up", "my partner [name] will pick me up" },
        { "can my mate Gazza drive me?", "can my mate [name] drive me?" },
        { "Xochitl Hernández-Ruiz, new patient, 34", "[name], new patient, 34" },
        { "Amaru Quispe Mamani writing from Cusco", "[name] writing from Cusco" },
        { "Nomvula Dlamini-Khumalo will be late today", "[name] will be late today" },
        { "tell Oyinkansola I said thanks", "tell [name] I said thanks" },
        { "I spoke with Rukhsana at the desk yesterday", "I spoke with [name] at the desk yesterday" },
        { "Please confirm the booking for Tadhg Ó Conaill.", "Please confirm the booking for [name]." },
        { "Regards\nSvetozar Petrović", "Regards\n[name]" },
        { "Many thanks,\nHuang Xiaoming", "Many thanks,\n[name]" },
        { "Best,\nAyşe Yılmaz", "Best,\n[name]" },
        { "The appointment is for Lindiwe, my daughter.", "The appointment is for [name], my daughter." },
        { "Fernando and I will both attend the info night", "[name] and I will both attend the info night" },
        { "my kids (Amara and Tobi) will be with my mum", "my kids ([name] and [name]) will be with my mum" },
        { "Bonjour, c'est Mathilde Rousseau. Mon numéro: 06 12 34 56 78. Merci d'avance!", "Bonjour, c'est [name]. Mon numéro: [phone]. Merci d'avance!" },
        { "Hallo, hier ist Jörg Baumann aus München. Meine Nummer 0151 23456789.", "Hallo, hier ist [name] aus München. Meine Nummer [phone]." },
        { "Hey, Mai Linh Tran here, my son Bao is 19", "Hey, [name] here, my son [name] is 19" },
        { "G'day, Bazza here from Perth. Cheers mate", "G'day, [name] here from Perth. Cheers mate" },
        { "Hi team, Mr and Mrs Okoro would like a joint consult. Call Chidi on 0803 123 4567.", "Hi team, Mr and Mrs [name] would like a joint consult. Call [name] on [phone]." },

        // An intro opening the message in lower case: a word that is no everyday word, or a given
        // name that is also one, when its phrase ends; drawn-out greetings open a message too.
        { "hey its zuri, my new number is 555 201 3344", "hey its [name], my new number is [phone]" },
        { "heyyy it's faith from the thursday group, can I come early?", "heyyy it's [name] from the thursday group, can I come early?" },
        { "hi its olek (the tall one) again, is my form in?", "hi its [name] (the tall one) again, is my form in?" },
        // A given name in lower case opening a clause, before a verb only a person does.
        { "tomasz said the first one was the hardest, is that true?", "[name] said the first one was the hardest, is that true?" },
        // A given name that is also a word, beside the writer or after a relation where no verb could stand.
        { "hope and i want to come together on a saturday", "[name] and i want to come together on a saturday" },
        { "my cousin rose and her husband will drive me", "my cousin [name] and her husband will drive me" },
        { "my neighbor bill and he said it helped his back", "my neighbor [name] and he said it helped his back" },
        { "my homie Dev told me about you guys", "my homie [name] told me about you guys" },
        // Whose relation the writer is; a relation in brackets.
        { "kofi's wife here, he won't message himself", "[name]'s wife here, he won't message himself" },
        { "I'm Anneke's daughter and she asked me to book", "I'm [name]'s daughter and she asked me to book" },
        { "lena (my wife) felt sick in the car, is that normal?", "[name] (my wife) felt sick in the car, is that normal?" },
        // Titles: an initial's full stop, a particle after the title, "Frau" as a title.
        { "Cardholder: Imani R. Whitaker, please charge the deposit", "Cardholder: [name], please charge the deposit" },
        { "I was referred by Dr. van der Merwe in March", "I was referred by Dr. [name] in March" },
        { "Bitte rufen Sie an, ich bin Frau Yılmaz.", "Bitte rufen Sie an, ich bin Frau [name]." },
        { "Patient: J.R. Castellanos, DOB to follow", "Patient: [name], DOB to follow" },
        // "My name is" in Russian.
        { "Здравствуйте, меня зовут Ирина Петрова. Do you speak Russian?", "Здравствуйте, меня зовут [name]. Do you speak Russian?" },
    };

    [Theory]
    [MemberData(nameof(SpokenNames))]
    public void Redacts_names_where_speech_places_them(string message, string expected) =>
        Assert.Equal(expected, Redactor.Default.Redact(message));

    /// <summary>Words of address and honorifics of many languages said alone, where people are
    /// from, greetings, sign-offs, places and institutions named after people, and given names used
    /// as words: none is a name.</summary>
    public static TheoryData<string> OrdinaryMessages => new()
    {
        "Hi po, good morning po. Is the clinic open on Saturday po?",
        "Thank you po, salamat po!",
        "Namaste ji, what is the fee for one session?",
        "Thanks ji, will call tomorrow",
        "Arigato, Tanaka-san recommended you. Is there an English speaking nurse?",
        "Gracias abuela, no, I mean gracias a todos. Do you speak Spanish?",
        "Cheers mate, see you Thursday",
        "Thanks bro, appreciate it",
        "Yes ma'am, I will bring my ID",
        "Hi auntie, sorry wrong chat lol",
        "I'm Aussie but living in Ohio now.",
        "I'm a Kiwi, does my NZ insurance work here?",
        "As a Brit I'm used to the NHS, how does billing work?",
        "I'm a Yank living abroad, back home for the summer",
        "I'm Filipino and my family doesn't believe in depression treatment",
        "I'm Canadian, can I pay in CAD?",
        "I'm Nigerian and moved here last year, do you take new patients?",
        "Hello Team, quick question about parking",
        "Hi there, is this the ketamine clinic?",
        "Hello sir, what are your hours?",
        "Good morning doctor, I have a question",
        "Hey guys, is it ok to eat before?",
        "Hi everyone, first time here",
        "Dear Sir or Madam, I would like information about your program.",
        "Hi Clinic, can I reschedule?",
        "Hey Siri, oops wrong app",
        "Hello hello, anyone there?",
        "Hi, Mark my words this will work for me",
        "Will my insurance cover it?",
        "May I bring a friend?",
        "I hope it helps. Faith is all I have left.",
        "Grace period for payment?",
        "Is it safe in June or should I wait until August?",
        "I live in Sofia now, moving back next month",
        "We're driving down from Charlotte on Friday",
        "Is the San Diego location open on Sundays?",
        "I was at St Luke's for a week, then Mercy General",
        "My daughter goes to Trader Joe's every day, is that relevant lol",
        "Is Lincoln Park near the clinic?",
        "Do you have a branch near Victoria Station?",
        "I work at Johns Hopkins, do you offer discounts?",
        "Is Charles River far from you?",
        "We're flying from Santa Monica",
        "My doctor at Cedars-Sinai referred me",
        "Can I come after my shift at Kaiser?",
        "Does Blue Cross cover it? What about Anthem or Aetna?",
        "I take Lexapro and Wellbutrin, is that ok?",
        "My psychiatrist switched me from Zoloft to Trintellix.",
        "I read about it on Reddit and WebMD",
        "Saw your ad on Facebook and Instagram",
        "I googled it and found you on Yelp",
        "I'm on Medicare Part B, does that work?",
        "Do you accept Tricare or VA community care?",
        "I have a question about Spravato vs IV ketamine.",
        "I'm Muslim, is there alcohol in the infusion?",
        "I'm Jewish and keep kosher, can I bring food?",
        "I'm Hindu, vegetarian, any issues with the medication?",
        "Is there a Sikh or Punjabi speaking staff member?",
        "I'm in Jersey City, how long is the drive?",
        "I'm coming from Washington DC by train",
        "Will the infusion make me sleepy? Will I be able to drive?",
        "Mark the calendar for my next one please",
        "Bill me later please, I don't have my card",
        "I'm Frank about my drinking, I have 2 a night.",
        "I'm Rich in spirit but broke lol",
        "Joy is something I haven't felt in years.",
        "Hope you can help me. I've tried everything.",
        "I've been depressed since Christmas, is that seasonal?",
        "Can I come on Easter Monday?",
        "Does the Fourth of July closure affect my booking?",
        "My appointment is on March 14, is that still ok?",
        "Can I come on 3/14 instead?",
        "My last infusion was in June 2023.",
        "I was diagnosed in 2019 and started treatment in 2021.",
        "The 10-15 minutes after the infusion are the worst",
        "I take 2.5 mg twice a day",
        "My blood pressure was 140/90 this morning",
        "The price went from $400 to $450, why?",
        "I scored 21 on the PHQ-9 and 15 on the GAD-7",
        "version 2.1.3 of your app crashes on my iPhone",
        "Call me when you can",
        "Text me the address please",
        "Please call me back today",
        "My number changed, how do I update it?",
        "You can reach me anytime after 5",
        "I was born in the 80s, does age matter?",
        "I turn 18 next week, can I book myself?",
        "Is there an age limit? I'm 72.",
        "Do you treat PTSD from the Army?",
        "I served in the Marines for 8 years",
        "I'm a veteran, do you take VA referrals?",
        "My husband is a teacher, my son is at university",
        "I'm a nurse and I work nights",
        "Ask the doctor if I can take my Adderall that day",
        "Tell me more about the side effects",
        "Let me know if there are cancellations",
        "Can you let my therapist know I'm starting?",
        "Is Dr. available on weekends?",
        "The front desk lady was very kind",
        "My mum and dad are worried about addiction",
        "My partner and I want to come together",
        "Me and my wife both have depression",
        "Mom and I will come together",
        "Is it ok if my sister and I share a room?",
        "Thanks so much, you've been great!",
        "Cheers, see you then",
        "Best regards",
        "Kind regards, a hopeful patient",
        "Thanks again!",
        "Thank you Lord for this clinic",
        "Jesus, this is expensive. Is there financing?",
        "Oh my God I'm so nervous",
        "Bless you all for what you do",
        "Grace and peace to the staff",
        "Sunday mornings are hardest for me",
        "Summer is when I feel worst",
        "The Autumn session dates, are they out?",
        "Peace out",
        "Merry Christmas to all the staff!",
        "Happy New Year, when do you reopen?",
        "Is the clinic near Penn Station?",
        "Can I park on Main Street?",
        "Is there a bus from Union Square?",
        "I'm staying at the Marriott downtown",
        "I'll be at the Hilton near the airport",
        "Sorry, running late, stuck behind a bus.",
        "Sorry, Running late",
        "Thank you, Doctor",
        "Thank you, Nurse",
        "Thanks, Team",
        "Thanks, everyone",
        "Thank you, Ma'am",
        "Thanks, Sir",
        "See you soon, Clinic",
        "ok thanks, bye",
        "Kind regards, Ketamine Patient",
        "Ciao bella, see you Monday",
        "Hola amigos, como están",
        "Bonjour Madame, merci",
        "Buenos días doctora, una pregunta",
        "Hi Doc, quick one",
        "Hey Boss, when is my next one",
        "Morning all, running late",
        "Evening folks",
        "Hi Support, my login fails",
        "Hello Admin, the form is broken",
        "Hey Ketamine Clinic, are you open?",
        "I'm in Brisbane, Australia",
        "I live in Lagos, Nigeria",
        "We moved to Auckland, New Zealand",
        "I'm originally from Manila, Philippines",
        "I'm based in Toronto, Canada",
        "My family is in Chennai, India",
        "I come from São Paulo, Brazil",
        "We drive up from Tyler, TX every month",
        "I'm in West Virginia, is there anything closer?",
        "Is your Virginia Beach office open?",
        "My insurance is Virginia Medicaid",
        "Elizabeth Street parking or the garage?",
        "We're flying into Orlando then driving.",
        "Alexandria, VA or Arlington, which is closer?",
        "My son studies in Adelaide",
        "Mayo Clinic said I'm a candidate",
        "I was at Boston Children's for years",
        "The Henry Ford Hospital referred me",
        "Is Wells Fargo financing available? What about CareCredit?",
        "I bought it at Wendy's lol",
        "Johnson & Johnson makes Spravato right?",
        "St. Jude's helped my nephew",
        "Can I bring my Kindle? What about AirPods?",
        "My dog Max comes everywhere with me, can he come?",
        "I named my cat Luna, unrelated but she helps my anxiety",
        "Is the Lincoln Tunnel the best route?",
        "We're staying near Lake Charles",
        "I'm Gen Z, is that relevant",
        "I'm Irish Catholic, any conflict?",
        "Amazon Prime delivered my BP monitor",
        "Does Victoria's Secret smell trigger nausea lol",
        "Sorry, Siri autocorrected that",
        "Will Medicare Part D cover esketamine?",
        "I watch Grey's Anatomy so I know a bit",
        "I used to work at Trader Joe's and Macy's",
        "Is there a Starbucks nearby?",
        "Does Walgreens fill the prescription?",
        "The Marriott or the Holiday Inn, which is closer?",
        "I'm driving a Honda Civic, where do I park?",
        "hey its sooo hard to find parking, any tips?",
        "hey its fine, i found the form",
        "everyone's friend told me to try this",
        "the patient's wife can wait in the lobby?",
        "my son will and should come with me",
        "I'm the live-in carer for her (carer) and need the forms",
    };

    [Theory]
    [MemberData(nameof(OrdinaryMessages))]
    public void Leaves_words_of_address_origins_and_places(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    [Fact]
    public void A_name_next_to_another_detail_is_redacted_on_the_second_reading()
    {
        Assert.Equal("[name], [phone] is my work line", Redactor.Default.Redact("June Park, 416-555-0143 is my work line"));
    }

    [Theory]
    [InlineData("I'm Grace-ful under pressure, mostly.")]
    [InlineData("I'm Frank about my history: lots of meds.")]
    [InlineData("I'm Will-ing to try anything at this point.")]
    [InlineData("I will be late. May I ask about parking? I hope that's ok.")]
    [InlineData("Frank question: is this safe with a heart condition?")]
    [InlineData("Will Cigna cover it? Will my plan?")]
    [InlineData("Thanks, May I ask one more thing?")]
    [InlineData("Thanks, Will someone call me back?")]
    [InlineData("Hope this makes sense. Joy is rare for me these days.")]
    [InlineData("Grace period for cancellations is 24 hours right?")]
    [InlineData("Autumn makes my depression worse. June would be best to start.")]
    [InlineData("Mark me down for Thursday and bill me after.")]
    [InlineData("Rose Ave or Main Street? Mercy General referred me.")]
    [InlineData("I'm flying in from Los Angeles; is there a clinic near San Diego or Hong Kong?")]
    [InlineData("Blue Cross Blue Shield PPO, Kaiser Permanente or United Healthcare?")]
    [InlineData("Lexapro, Zoloft and Prozac all failed for me.")]
    [InlineData("Bonjour, parlez-vous français? Hola, ¿hablan español?")]
    [InlineData("Guten Tag, ich komme im Mai nach Denver.")]
    [InlineData("my therapist Said it might help, my husband Works nights")]
    [InlineData("I'm Deaf, do you have ASL interpreters? I'm British too.")]
    [InlineData("Ask Siri how far it is. Let Me Know if you have openings.")]
    [InlineData("are you open on saturdays")]
    [InlineData("Sooo nervous. Lol. Hiii, quick question. Thanks so much!")]
    [InlineData("WILL SOMEONE CALL ME BACK? MAY I BRING MY DOG?")]
    [InlineData("hope u can help, will i be able to work the next day")]
    [InlineData("Is Dr. available on weekends? My doctor Recommended it.")]
    [InlineData("It's Monday tomorrow. It's Medicare Advantage. He's Catholic.")]
    [InlineData("Austin or Charlotte NC location?")]
    [InlineData("my insurer is Techniker Krankenkasse, do you bill them?")]
    [InlineData("I'm visiting Costa Rica next month and flew back from Sri Lanka in May")]
    public void Leaves_everyday_words_that_are_also_names(string message) =>
        Assert.Equal(message, Redactor.Default.Redact(message));

    /// <summary>Found by random text: each reading put a placeholder in and made the next word
    /// look like the first of its sentence, so the redactor stopped after its last reading with
    /// more to find. A placeholder is read as the word it replaced.</summary>
    [Theory]
    [InlineData("x\nTn\u2350ll\uFDD4\u2CBD AA\uFFFE\u5003")]
    [InlineData("Thank,\uAE1F,\u5B47)\u5F69,\u1DF4,\u01C5@\u0AA1")]
    [InlineData("x,Tn]\uB64C.\u413D\u200D\u438D)\u00E9")]
    [InlineData("GRACE HERE. MY PHONE IS 617 555 0119, ASK FOR RAY")]
    public void Redacting_redacted_text_changes_nothing(string message)
    {
        var once = Redactor.Default.Redact(message);

        Assert.Equal(once, Redactor.Default.Redact(once));
    }
}
