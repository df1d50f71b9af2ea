using Tandem.Documents;
using Tandem.Store;

namespace Tandem.Tests.Support;

/// <summary>Stored clause pieces built from (path, text) pairs, laid end to end as a contract's text would hold them.</summary>
public static class StoredClauses
{
    public static List<StoredClause> Of(params (string Path, string Text)[] pieces)
    {
        var list = new List<StoredClause>();
        var offset = 0;
        foreach (var (path, text) in pieces)
        {
            list.Add(new StoredClause("cl_" + list.Count, new Clause(list.Count, path, null, ClauseKind.Section, offset, offset + text.Length, text)));
            offset += text.Length + 1;
        }

        return list;
    }
}
