using FaqBot.BotFramework.Connector;
using FaqBot.BotFramework.DirectLine;
using FaqBot.Core.Answering;
using FaqBot.Core.Configuration;
using FaqBot.Core.Embeddings;
using FaqBot.Core.Knowledge;
using FaqBot.Web.Accounts;
using FaqBot.Web.Chat;
using FaqBot.Web.Handoffs;
using FaqBot.Web.Health;
using FaqBot.Web.Knowledge;
using FaqBot.Web.Page;
using FaqBot.Web.Review;
using FaqBot.Web.Security;
using FaqBot.Web.Shared;
using FaqBot.Web.Transcripts;
using Microsoft.Extensions.AI;

// Settings: the root appsettings.json (found from the working directory upwards, else the copy
// beside the program), then environment variables (Section__Key), then the command line (--urls).
var contentRoot = ContentRoot.Locate();
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = contentRoot,
    WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
});

builder.Services.AddProblemDetails();
builder.Services.AddFaqBotCore(builder.Configuration, contentRoot);   // knowledge, safety gate, answerer
builder.Services.AddFaqBotEmbeddings(builder.Configuration, contentRoot); // the sentence encoder (embedded model, or the Ai section's), its caches
builder.Services.AddKnowledgeWatch(builder.Configuration);            // hot reload: edits to knowledge/ serve within seconds, a bad one keeps the last good
builder.Services.AddChat();                                           // the bot: one turn handler for every channel
builder.Services.AddTranscripts(builder.Configuration, contentRoot);  // redacted transcripts encrypted at rest, key ring in the data folder, handoffs, retention
builder.Services.AddHandoffs();                                       // live replies from staff during opening hours
builder.Services.AddDirectLine(builder.Configuration);                // Web Chat's channel, /v3/directline
builder.Services.AddBotConnector(builder.Configuration);              // Azure Bot Service, /api/messages
builder.Services.AddProxyHeaders(builder.Configuration);             // client addresses through trusted proxies only
builder.Services.AddRequestLimits(builder.Configuration);             // rate limits and CORS
builder.Services.AddStaffAccounts(builder.Configuration);             // staff accounts, cookie sign-in, role policies, audit log
builder.Services.AddKnowledgeEditing();                               // staff drafts, clinician approval, history, try panel
builder.Services.AddStaffPages();                                     // Razor Pages in feature folders, shared layout
builder.Services.AddFaqBotHealth(builder.Configuration);            // /health, /health/ready, the drain before a stop

var app = builder.Build();
app.Services.GetRequiredService<KnowledgeHolder>();                   // a knowledge folder that cannot serve stops the start
app.Services.GetService<IEmbeddingGenerator<string, Embedding<float>>>(); // the sentence encoder loaded before the first patient; one that cannot load stops the start
app.Services.GetRequiredService<Answerer>();                          // prompts parsed, snippet embeddings started and the safety examples' index built before the first patient

app.UseShutdownDrain();                                               // stopping behind a proxy: every answer closes its connection
app.UseProxyHeaders();                                                // X-Forwarded-For from ForwardedHeaders:KnownProxies, before anything reads the address
app.UseSecurityHeaders();                                             // CSP without inline script, nosniff, no framing
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseDefaultFiles();
app.UseStaticFiles();                                                 // the clinic page with Web Chat
app.UseCors();
app.UseDirectLineCredentials();                                       // a Direct Line caller's grant, read before the limiter keys on it
app.UseRateLimiter();
app.UseAuthentication();                                              // the staff cookie; patients stay anonymous
app.UseAuthorization();                                               // pages need a signed-in staff member unless they allow anonymous

app.MapDirectLine().RequireRateLimiting(RequestLimits.DirectLinePolicy).RequireCors(RequestLimits.CorsPolicy).AllowAnonymous();
app.MapChatToken().RequireRateLimiting(RequestLimits.ChatTokenPolicy).AllowAnonymous();
app.MapBotMessages().RequireRateLimiting(RequestLimits.MessagesPolicy);
app.MapFaqBotHealth().AllowAnonymous();
app.MapReviewExports();                                              // .transcript and CSV downloads for reviewers
app.MapRazorPages();                                                  // staff pages: sign-in, admin, review

app.Run();

/// <summary>The web host's entry point; public so host tests can start it.</summary>
public partial class Program;
