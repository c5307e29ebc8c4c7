-- wrk script for bench/http_bench: every request carries the Bearer token of the signed-in
-- benchmark user, taken from $QUJAT_TOKEN.
local token = os.getenv("QUJAT_TOKEN")
if token == nil or token == "" then
  error("set QUJAT_TOKEN to a session token")
end
wrk.headers["Authorization"] = "Bearer " .. token
