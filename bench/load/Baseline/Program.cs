// The plain Kestrel endpoint for bench/load/run.sh: a minimal API whose GET /activities?watermark=N
// answers with a JSON object shaped and sized like a Direct Line activity set for one turn (three
// activities, about 3 KB) carrying N as its watermark, serialized on every request. It has no
// other middleware, no rate limiter and no bot, so it shows what Kestrel, routing, query binding
// and System.Text.Json cost on this machine. Logging comes from the environment (run.sh sets
// Logging__LogLevel__Default=Warning, as the root appsettings.json does for the web host).
using FaqBot.Load.Baseline;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var app = builder.Build();

var payload = Payload.Create();
app.MapGet("/activities", (string? watermark) => Results.Json(payload with { Watermark = watermark ?? "0" }, Payload.Json));
app.MapGet("/health", () => "Healthy");
app.MapGet("/load/gc", () => Results.Json(new   // garbage collector counters, read by lib.sh around a measured run
{
    gen0 = GC.CollectionCount(0),
    gen1 = GC.CollectionCount(1),
    gen2 = GC.CollectionCount(2),
    pauseMs = GC.GetTotalPauseDuration().TotalMilliseconds,
    allocatedBytes = GC.GetTotalAllocatedBytes(precise: false),
    heapBytes = GC.GetGCMemoryInfo().HeapSizeBytes,
    server = System.Runtime.GCSettings.IsServerGC,
}));

app.Run();
