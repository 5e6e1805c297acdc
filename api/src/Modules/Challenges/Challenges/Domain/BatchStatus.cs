namespace Jiebang.Challenges.Domain;

internal enum BatchStatus
{
    /// <summary>Collecting and reviewing needs; not visible to the public.</summary>
    Draft,
    /// <summary>Published as a whole with its approved challenges.</summary>
    Published,
}
