namespace Jiebang.Applications.Features.Applications.SubmitApplication;

/// <summary>A submission carries nothing but the version it submits; the content is the working copy.</summary>
internal sealed class Request
{
    /// <summary>Optional: the working copy's version (as If-Match); a stale one is refused with 412.</summary>
    public int? ExpectedVersion { get; set; }
}
