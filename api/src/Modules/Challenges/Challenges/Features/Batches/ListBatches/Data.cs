using Jiebang.Challenges.Data;
using Jiebang.Platform.Database;

namespace Jiebang.Challenges.Features.Batches.ListBatches;

internal static class Data
{
    /// <summary>The batches of a programme, or all; published ones only unless the caller also sees drafts; latest window first.</summary>
    public static string List(bool ofProgramme, bool publishedOnly)
    {
        var where = new Conditions()
            .AndIf(ofProgramme, "b.programme_id = @Programme")
            .AndIf(publishedOnly, "b.status = @Published")
            .Sql;
        return $"{BatchStore.Select} {where} ORDER BY b.opens_at DESC, b.code";
    }
}
