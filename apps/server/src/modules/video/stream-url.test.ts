import assert from "node:assert/strict";
import { it } from "node:test";
import { checkStreamUrl, maskStreamUrl } from "./stream-url.ts";

it("accepts RTSP, RTSPS, HTTP(S) and HLS playlist URLs", () => {
  for (const url of [
    "rtsp://10.0.0.5:554/Streaming/Channels/101",
    "rtsp://admin:12345@192.168.1.64/h264",
    "rtsps://cam.example.cn/live",
    "http://nvr.local:8080/live/1.m3u8",
    "https://cdn.example.com/hls/line-3/index.m3u8?token=abc",
    "rtsp://[fe80::1]:554/stream",
  ])
    assert.equal(checkStreamUrl(url), null, url);
});

it("refuses other schemes and what is not a URL", () => {
  assert.equal(checkStreamUrl("ftp://cam.example.cn/a"), "stream_url_scheme");
  assert.equal(checkStreamUrl("file:///etc/passwd"), "stream_url_scheme");
  assert.equal(checkStreamUrl("javascript:alert(1)"), "stream_url_scheme");
  assert.equal(checkStreamUrl("rtmp://live.example.cn/app/stream"), "stream_url_scheme");
  assert.equal(checkStreamUrl("10.0.0.5:554/stream"), "stream_url_scheme");
  assert.equal(checkStreamUrl("camera on line 3"), "format");
  assert.equal(checkStreamUrl("rtsp://"), "format");
  assert.equal(checkStreamUrl("http://a b/"), "format");
});

it("masks the password and secret query parameters, and nothing else", () => {
  assert.equal(
    maskStreamUrl("rtsp://admin:12345@192.168.1.64:554/h264"),
    "rtsp://admin:***@192.168.1.64:554/h264",
  );
  assert.equal(maskStreamUrl("rtsp://admin:p%40ss@cam/x"), "rtsp://admin:***@cam/x");
  assert.equal(maskStreamUrl("rtsp://viewer@cam/x"), "rtsp://viewer@cam/x");
  assert.equal(maskStreamUrl("rtsp://cam:554/x"), "rtsp://cam:554/x");
  assert.equal(
    maskStreamUrl("https://cdn.example.com/a.m3u8?token=abc&line=3&Signature=xyz"),
    "https://cdn.example.com/a.m3u8?token=***&line=3&Signature=***",
  );
  assert.equal(
    maskStreamUrl("https://u:pw@cdn.example.com/a.m3u8#t"),
    "https://u:***@cdn.example.com/a.m3u8#t",
  );
  assert.equal(maskStreamUrl("not a url"), "***");
});
