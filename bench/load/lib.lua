-- Shared by directline.lua and plain.lua; loaded with dofile in wrk's main Lua state and in every
-- thread's. wrk gives a thread's Lua state no way to tell its connections apart, so the scripts
-- find out from each response body which call it answers (a conversation id, a watermark) and
-- time each call themselves.
--
-- Why not wrk's own latency figures: before it prints them or hands them to done(), wrk 4.1 runs
-- stats_correct(), which adds made-up samples for a coordinated-omission correction that does not
-- apply to a closed loop like this one (each connection sends its next call when the last one has
-- come back). The scripts report the measured latencies; wrk's corrected ones are kept beside them.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } load_timespec;
int clock_gettime(int clk_id, load_timespec *tp);
]]
local ts = ffi.new("load_timespec")

-- Microseconds on CLOCK_MONOTONIC.
function now_us()
    ffi.C.clock_gettime(1, ts)
    return tonumber(ts.tv_sec) * 1000000 + tonumber(ts.tv_nsec) / 1000
end

threads = {}

function setup(thread)
    thread:set("id", #threads)
    table.insert(threads, thread)
end

-- "Host: ..." as wrk would write it.
function host_header()
    return "Host: " .. wrk.host .. ":" .. wrk.port .. "\r\n"
end

-- Every thread's samples of the global list `name`, merged and sorted.
function gather(...)
    local all = {}
    for _, name in ipairs({ ... }) do
        for _, thread in ipairs(threads) do
            local samples = thread:get(name)
            if samples then
                for i = 1, #samples do
                    all[#all + 1] = samples[i]
                end
            end
        end
    end
    table.sort(all)
    return all
end

function sum(name)
    local total = 0
    for _, thread in ipairs(threads) do
        total = total + (thread:get(name) or 0)
    end
    return total
end

-- Nearest-rank percentiles in milliseconds of sorted microsecond samples, as a JSON object.
function percentiles_json(sorted)
    local function at(p)
        if #sorted == 0 then return 0 end
        return sorted[math.max(1, math.ceil(p / 100 * #sorted))] / 1000
    end
    local total = 0
    for i = 1, #sorted do
        total = total + sorted[i]
    end
    return string.format('{"count":%d,"mean":%.3f,"p50":%.3f,"p90":%.3f,"p97_5":%.3f,"p99":%.3f,"p999":%.3f,"max":%.3f}',
        #sorted, #sorted > 0 and total / #sorted / 1000 or 0, at(50), at(90), at(97.5), at(99), at(99.9), at(100))
end

-- wrk's summary and (corrected) latency histogram, the measured latencies `requests` (sorted
-- samples of every call) and `extra`, a JSON fragment, written to $LOAD_RESULT.
function write_result(name, summary, latency, requests, extra)
    local seconds = summary.duration / 1000000
    local e = summary.errors
    local json = string.format(
        '{"name":"%s","seconds":%.3f,"requests":%d,"rps":%.1f,"bytes":%d,' ..
        '"errors":{"connect":%d,"read":%d,"write":%d,"status":%d,"timeout":%d},' ..
        '"latency_ms":%s,"wrk_corrected_latency_ms":{"p50":%.3f,"p90":%.3f,"p99":%.3f,"max":%.3f},%s}',
        name, seconds, summary.requests, summary.requests / seconds, summary.bytes,
        e.connect, e.read, e.write, e.status, e.timeout,
        percentiles_json(requests),
        latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
        extra)
    write_json(json, "LOAD_RESULT")
end

-- Writes one line of JSON to the file named by the environment variable `variable`, or to
-- standard output when it is not set.
function write_json(json, variable)
    local path = os.getenv(variable)
    if path then
        local file = assert(io.open(path, "w"))
        file:write(json, "\n")
        file:close()
    else
        io.write(json, "\n")
    end
end
