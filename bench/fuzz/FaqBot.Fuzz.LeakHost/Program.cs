// A stand-in host for checking the fuzzer's memory checks (bench/fuzz/README.md): it allocates
// what it is told on standard input, one line "<megabytes>" at a time, and either keeps all of it
// (`keep`, a leak) or only the last 16 MB (`churn`, garbage, as a busy host that leaks nothing
// makes). It answers each line with "allocated <total MB> kept <MB>" once the memory is written to.
var keep = args is ["keep"];
if (!keep && args is not ["churn"])
{
    Console.Error.WriteLine("usage: FaqBot.Fuzz.LeakHost keep|churn, then megabytes to allocate, one number a line");
    return 2;
}

const int Chunk = 64 * 1024;
const int ChurnWindow = 16 * 1024 * 1024 / Chunk;
var kept = new List<byte[]>();
var allocated = 0L;
Console.WriteLine("ready");
while (Console.ReadLine() is { } line && int.TryParse(line, out var megabytes))
{
    for (var i = 0; i < megabytes * 1024L * 1024 / Chunk; i++)
    {
        var chunk = new byte[Chunk];
        Random.Shared.NextBytes(chunk);
        kept.Add(chunk);
        if (!keep && kept.Count > ChurnWindow)
        {
            kept.RemoveAt(0);
        }

        allocated += Chunk;
    }

    Console.WriteLine($"allocated {allocated / (1024 * 1024)} kept {kept.Count * (long)Chunk / (1024 * 1024)}");
}

GC.KeepAlive(kept);
return 0;
