namespace Strata;

/// <summary>The stable codes of Strata's diagnostics. Codes never change meaning once published.</summary>
public static class DiagnosticCodes
{
    /// <summary>STR0001: the input is not well-formed YAML or JSON.</summary>
    public const string Syntax = "STR0001";

    /// <summary>STR0002: a key appears twice in one mapping.</summary>
    public const string DuplicateKey = "STR0002";

    /// <summary>STR0003: a YAML tag other than the standard ones; no type is ever instantiated from a tag.</summary>
    public const string UnsupportedTag = "STR0003";

    /// <summary>STR0004: aliases expand past the limit.</summary>
    public const string AliasLimit = "STR0004";

    /// <summary>STR0005: the document nests deeper than the limit.</summary>
    public const string NestingLimit = "STR0005";

    /// <summary>STR0006: the file is larger than the limit.</summary>
    public const string FileTooLarge = "STR0006";

    /// <summary>STR0007: the file cannot be read (missing, a directory, no permission).</summary>
    public const string Unreadable = "STR0007";

    /// <summary>STR0008: the document's root is not a mapping.</summary>
    public const string RootNotMap = "STR0008";

    /// <summary>STR0009: the file is not valid UTF-8.</summary>
    public const string Encoding = "STR0009";

    /// <summary>STR0010: a <c>key.path=value</c> override cannot be parsed.</summary>
    public const string OverrideSyntax = "STR0010";

    /// <summary>STR0011: a key or a scalar is longer than the limit.</summary>
    public const string TooLong = "STR0011";

    /// <summary>STR0012: a key is not a string scalar.</summary>
    public const string InvalidKey = "STR0012";

    /// <summary>STR0013: a file's <c>include</c> list is malformed, names a file that includes it back (a cycle), or nests too deep.</summary>
    public const string Include = "STR0013";

    /// <summary>STR0101: a key is not a field of the config (a suggestion names the closest one).</summary>
    public const string UnknownKey = "STR0101";

    /// <summary>STR0102: a value does not have the type of its field.</summary>
    public const string TypeMismatch = "STR0102";

    /// <summary>STR0103: a value breaks a rule of its field (minimum, maximum, range, multiple, choices).</summary>
    public const string FieldRule = "STR0103";

    /// <summary>STR0104: a number is out of range for its type.</summary>
    public const string NumberOutOfRange = "STR0104";

    /// <summary>STR0105: a value is not one of the names of its enumeration.</summary>
    public const string UnknownEnumValue = "STR0105";

    /// <summary>STR0106: a <c>type</c> key names no registered class.</summary>
    public const string UnknownType = "STR0106";

    /// <summary>STR0107: an input sets a derived (computed) field.</summary>
    public const string DerivedFieldSet = "STR0107";

    /// <summary>STR0108: a renamed key was used; it was moved to its new name.</summary>
    public const string RenamedKey = "STR0108";

    /// <summary>STR0109: a renamed key and its new name are both set.</summary>
    public const string RenameConflict = "STR0109";

    /// <summary>STR0110: a deprecated field was set.</summary>
    public const string DeprecatedField = "STR0110";

    /// <summary>STR0111: a higher layer changed a <c>type</c>, so lower layers' keys of that sub-tree were dropped.</summary>
    public const string TypeChanged = "STR0111";

    /// <summary>STR0112: a rule of a config (a relation between fields) is broken.</summary>
    public const string ConfigRule = "STR0112";

    /// <summary>STR0113: a value set by a layer was forced to another value by a rule.</summary>
    public const string ValueForced = "STR0113";

    /// <summary>STR0114: a derivation or preparation step failed.</summary>
    public const string DerivationFailed = "STR0114";

    /// <summary>STR0115: a collection has the wrong length or shape.</summary>
    public const string CollectionShape = "STR0115";

    /// <summary>STR0116: two entries of a set or dictionary are the same after conversion.</summary>
    public const string DuplicateEntry = "STR0116";

    /// <summary>STR0117: null is not allowed for this field.</summary>
    public const string NullNotAllowed = "STR0117";

    /// <summary>STR0118: a declared environment variable has a value of the wrong type.</summary>
    public const string EnvironmentValue = "STR0118";

    /// <summary>STR0119: a key that no longer has a meaning was dropped.</summary>
    public const string RemovedKey = "STR0119";

    /// <summary>STR0120: an informational remark from a preparation step (for example a checkpoint value ignored on purpose).</summary>
    public const string Remark = "STR0120";

    /// <summary>STR0121: a general warning from a config rule.</summary>
    public const string ConfigWarning = "STR0121";

    /// <summary>STR0122: the user overrides an architecture value of a pretrained checkpoint (both origins are named).</summary>
    public const string ArchitectureOverride = "STR0122";

    /// <summary>STR0123: a checkpoint directory or its configuration file cannot be used.</summary>
    public const string CheckpointInvalid = "STR0123";

    /// <summary>STR0124: a key of a checkpoint's configuration is not imported.</summary>
    public const string CheckpointKeyIgnored = "STR0124";

    /// <summary>STR0125: a value from a checkpoint was ignored on purpose (for example the world size of the machine that saved it).</summary>
    public const string CheckpointValueIgnored = "STR0125";

    /// <summary>
    /// STR0126: a declared environment variable is set, but a layer's explicit value wins over it and differs from it
    /// (a <c>world_size</c> in a file under a launcher that sets <c>WORLD_SIZE</c>).
    /// </summary>
    public const string EnvironmentShadowed = "STR0126";

    /// <summary>
    /// STR0127: an interpolation (<c>${path}</c>) cannot be resolved: malformed, an unknown path (with a suggestion), a
    /// cycle, a chain too deep, a value its field cannot take, a derived or secret field, or one a base layer reads first.
    /// </summary>
    public const string Interpolation = "STR0127";
}
