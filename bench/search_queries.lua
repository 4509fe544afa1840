-- wrk script for bench/search_bench.py: rotate through realistic queries so the
-- benchmark is not one cached plan for one word.
local queries = {
  "barnehageplass", "søppel", "byggesøknad", "legevakt", "bytte lege",
  "eiendomsskatt", "snømåking", "starte bedrift", "kindergarten", "søknad sfo",
  "hull i veien", "barnehage", "parkering", "bostøtte", "legevagt", "fastlege",
}
local i = 0
request = function()
  i = i + 1
  local q = queries[(i % #queries) + 1]
  local encoded = q:gsub("([^%w])", function(c) return string.format("%%%02X", string.byte(c)) end)
  return wrk.format("GET", "/sok/?q=" .. encoded)
end
