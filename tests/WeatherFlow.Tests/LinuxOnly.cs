// The tests read /proc, signal processes and start Debian's servers: they run on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
