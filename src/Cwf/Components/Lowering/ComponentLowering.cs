namespace Cwf.Components;

/// <summary>
/// One lowering function per component of the contract (one file each): it checks the
/// resolved arguments against the input schemas, reports what is wrong at the argument's
/// location, and builds the IR nodes. The .cwf binder and the canvas importer both call these,
/// so the same component gives the same IR from either front end. A function returns the new
/// node's id, or null when an error was reported (the caller then skips dependent steps).
/// </summary>
public static partial class ComponentLowering;
