// isPrivateHost: every spelling of a loopback, private, link-local or metadata address is caught,
// as URL.hostname gives it (the URL parser has already normalised IPv4 and IPv6 forms).
import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { bundle } from './harness.mjs';

let isPrivateHost;
before(async () => {
  const code = await bundle('src/proxy.ts');
  ({ isPrivateHost } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`));
});

const hostOf = (url) => new URL(url).hostname;

describe('isPrivateHost', () => {
  const blocked = [
    'http://127.0.0.1/', 'http://127.255.255.254/', 'http://2130706433/', 'http://0x7f.1/', 'http://127.1/',
    'http://10.1.2.3/', 'http://172.16.0.1/', 'http://172.31.255.255/', 'http://192.168.1.1/',
    'http://169.254.169.254/', 'http://0.0.0.0/', 'http://100.64.0.1/', 'http://224.0.0.1/', 'http://255.255.255.255/',
    'http://[::1]/', 'http://[::]/', 'http://[::ffff:127.0.0.1]/', 'http://[::ffff:10.0.0.1]/', 'http://[::ffff:169.254.169.254]/',
    'http://[fc00::1]/', 'http://[fd00:ec2::254]/', 'http://[fe80::1]/', 'http://[febf::1]/', 'http://[ff02::1]/',
    'http://[64:ff9b::7f00:1]/', 'http://localhost/', 'http://a.localhost/', 'http://LOCALHOST./',
  ];
  const allowed = [
    'https://huggingface.co/', 'https://export.arxiv.org/', 'http://8.8.8.8/', 'http://172.32.0.1/', 'http://172.15.255.255/',
    'http://192.169.0.1/', 'http://11.0.0.1/', 'http://[2606:4700::1111]/', 'http://[::ffff:8.8.8.8]/', 'http://[fbff::1]/',
    'http://[fec0::1]:80/'.replace('fec0', '2001'), 'http://10.example/', 'http://localhost.example/',
  ];
  for (const url of blocked) it(`refuses ${url}`, () => assert.equal(isPrivateHost(hostOf(url)), true, hostOf(url)));
  for (const url of allowed) it(`lets ${url} through`, () => assert.equal(isPrivateHost(hostOf(url)), false, hostOf(url)));
});
