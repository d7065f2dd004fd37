using FaqBot.Fuzz;

// faqbot-fuzz: seeded, bounded, malformed traffic to every endpoint of the web host on loopback.
// Exit codes: 0 no failure, 1 failures (printed with the requests that caused them), 2 the run could not start.
return await FuzzOptions.Command(FuzzRun.RunAsync).Parse(args).InvokeAsync();
