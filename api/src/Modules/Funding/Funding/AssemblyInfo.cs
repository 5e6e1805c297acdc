using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("Jiebang.Host")]
[assembly: InternalsVisibleTo("Jiebang.UnitTests")]
[assembly: InternalsVisibleTo("Jiebang.IntegrationTests")]
[assembly: InternalsVisibleTo("Jiebang.Perf")]
