-- wrk script for bench/media.sh: what HLS viewers ask for with 1 s fragments, one playlist and one
-- fragment a second each; here alternately, fragments round-robin over the stream's files.
local paths = {}
local playlist
local n = 0
local f = 0

init = function(args)
  playlist = args[1]
  for i = 2, #args do paths[#paths + 1] = args[i] end
end

request = function()
  n = n + 1
  if n % 2 == 1 then
    return wrk.format("GET", playlist)
  end
  f = f % #paths + 1
  return wrk.format("GET", paths[f])
end
