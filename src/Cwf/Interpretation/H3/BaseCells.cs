namespace Cwf.Interpretation.H3;

/// <summary>
/// The 122 resolution-0 cells of H3: for each icosahedron face and res-0 IJK position the base
/// cell there and its rotation, and for each base cell its home face, position, whether it is
/// a pentagon and its clockwise-offset faces. Data from Uber's H3 library (Apache 2.0, baseCells.c).
/// </summary>
internal static class BaseCells
{
    public const int Count = 122;

    public readonly record struct BaseCellData(int Face, CoordIjk Home, bool IsPentagon, int CwOffset0, int CwOffset1);

    /// <summary>[face, i, j, k] → (base cell, counter-clockwise 60° rotations into its system), flattened as pairs.</summary>
    private static readonly int[] FaceIjkTable =
    [
        // face 0
        16, 0, 18, 0, 24, 0, 33, 0, 30, 0, 32, 3, 49, 1, 48, 3, 50, 3,
        8, 0, 5, 5, 10, 5, 22, 0, 16, 0, 18, 0, 41, 1, 33, 0, 30, 0,
        4, 0, 0, 5, 2, 5, 15, 1, 8, 0, 5, 5, 31, 1, 22, 0, 16, 0,
        // face 1
        2, 0, 6, 0, 14, 0, 10, 0, 11, 0, 17, 3, 24, 1, 23, 3, 25, 3,
        0, 0, 1, 5, 9, 5, 5, 0, 2, 0, 6, 0, 18, 1, 10, 0, 11, 0,
        4, 1, 3, 5, 7, 5, 8, 1, 0, 0, 1, 5, 16, 1, 5, 0, 2, 0,
        // face 2
        7, 0, 21, 0, 38, 0, 9, 0, 19, 0, 34, 3, 14, 1, 20, 3, 36, 3,
        3, 0, 13, 5, 29, 5, 1, 0, 7, 0, 21, 0, 6, 1, 9, 0, 19, 0,
        4, 2, 12, 5, 26, 5, 0, 1, 3, 0, 13, 5, 2, 1, 1, 0, 7, 0,
        // face 3
        26, 0, 42, 0, 58, 0, 29, 0, 43, 0, 62, 3, 38, 1, 47, 3, 64, 3,
        12, 0, 28, 5, 44, 5, 13, 0, 26, 0, 42, 0, 21, 1, 29, 0, 43, 0,
        4, 3, 15, 5, 31, 5, 3, 1, 12, 0, 28, 5, 7, 1, 13, 0, 26, 0,
        // face 4
        31, 0, 41, 0, 49, 0, 44, 0, 53, 0, 61, 3, 58, 1, 65, 3, 75, 3,
        15, 0, 22, 5, 33, 5, 28, 0, 31, 0, 41, 0, 42, 1, 44, 0, 53, 0,
        4, 4, 8, 5, 16, 5, 12, 1, 15, 0, 22, 5, 26, 1, 28, 0, 31, 0,
        // face 5
        50, 0, 48, 0, 49, 3, 32, 0, 30, 3, 33, 3, 24, 3, 18, 3, 16, 3,
        70, 0, 67, 0, 66, 3, 52, 3, 50, 0, 48, 0, 37, 3, 32, 0, 30, 3,
        83, 0, 87, 3, 85, 3, 74, 3, 70, 0, 67, 0, 57, 1, 52, 3, 50, 0,
        // face 6
        25, 0, 23, 0, 24, 3, 17, 0, 11, 3, 10, 3, 14, 3, 6, 3, 2, 3,
        45, 0, 39, 0, 37, 3, 35, 3, 25, 0, 23, 0, 27, 3, 17, 0, 11, 3,
        63, 0, 59, 3, 57, 3, 56, 3, 45, 0, 39, 0, 46, 3, 35, 3, 25, 0,
        // face 7
        36, 0, 20, 0, 14, 3, 34, 0, 19, 3, 9, 3, 38, 3, 21, 3, 7, 3,
        55, 0, 40, 0, 27, 3, 54, 3, 36, 0, 20, 0, 51, 3, 34, 0, 19, 3,
        72, 0, 60, 3, 46, 3, 73, 3, 55, 0, 40, 0, 71, 3, 54, 3, 36, 0,
        // face 8
        64, 0, 47, 0, 38, 3, 62, 0, 43, 3, 29, 3, 58, 3, 42, 3, 26, 3,
        84, 0, 69, 0, 51, 3, 82, 3, 64, 0, 47, 0, 76, 3, 62, 0, 43, 3,
        97, 0, 89, 3, 71, 3, 98, 3, 84, 0, 69, 0, 96, 3, 82, 3, 64, 0,
        // face 9
        75, 0, 65, 0, 58, 3, 61, 0, 53, 3, 44, 3, 49, 3, 41, 3, 31, 3,
        94, 0, 86, 0, 76, 3, 81, 3, 75, 0, 65, 0, 66, 3, 61, 0, 53, 3,
        107, 0, 104, 3, 96, 3, 101, 3, 94, 0, 86, 0, 85, 3, 81, 3, 75, 0,
        // face 10
        57, 0, 59, 0, 63, 3, 74, 0, 78, 3, 79, 3, 83, 3, 92, 3, 95, 3,
        37, 0, 39, 3, 45, 3, 52, 0, 57, 0, 59, 0, 70, 3, 74, 0, 78, 3,
        24, 0, 23, 3, 25, 3, 32, 3, 37, 0, 39, 3, 50, 3, 52, 0, 57, 0,
        // face 11
        46, 0, 60, 0, 72, 3, 56, 0, 68, 3, 80, 3, 63, 3, 77, 3, 90, 3,
        27, 0, 40, 3, 55, 3, 35, 0, 46, 0, 60, 0, 45, 3, 56, 0, 68, 3,
        14, 0, 20, 3, 36, 3, 17, 3, 27, 0, 40, 3, 25, 3, 35, 0, 46, 0,
        // face 12
        71, 0, 89, 0, 97, 3, 73, 0, 91, 3, 103, 3, 72, 3, 88, 3, 105, 3,
        51, 0, 69, 3, 84, 3, 54, 0, 71, 0, 89, 0, 55, 3, 73, 0, 91, 3,
        38, 0, 47, 3, 64, 3, 34, 3, 51, 0, 69, 3, 36, 3, 54, 0, 71, 0,
        // face 13
        96, 0, 104, 0, 107, 3, 98, 0, 110, 3, 115, 3, 97, 3, 111, 3, 119, 3,
        76, 0, 86, 3, 94, 3, 82, 0, 96, 0, 104, 0, 84, 3, 98, 0, 110, 3,
        58, 0, 65, 3, 75, 3, 62, 3, 76, 0, 86, 3, 64, 3, 82, 0, 96, 0,
        // face 14
        85, 0, 87, 0, 83, 3, 101, 0, 102, 3, 100, 3, 107, 3, 112, 3, 114, 3,
        66, 0, 67, 3, 70, 3, 81, 0, 85, 0, 87, 0, 94, 3, 101, 0, 102, 3,
        49, 0, 48, 3, 50, 3, 61, 3, 66, 0, 67, 3, 75, 3, 81, 0, 85, 0,
        // face 15
        95, 0, 92, 0, 83, 0, 79, 0, 78, 0, 74, 3, 63, 1, 59, 3, 57, 3,
        109, 0, 108, 0, 100, 5, 93, 1, 95, 0, 92, 0, 77, 1, 79, 0, 78, 0,
        117, 4, 118, 5, 114, 5, 106, 1, 109, 0, 108, 0, 90, 1, 93, 1, 95, 0,
        // face 16
        90, 0, 77, 0, 63, 0, 80, 0, 68, 0, 56, 3, 72, 1, 60, 3, 46, 3,
        106, 0, 93, 0, 79, 5, 99, 1, 90, 0, 77, 0, 88, 1, 80, 0, 68, 0,
        117, 3, 109, 5, 95, 5, 113, 1, 106, 0, 93, 0, 105, 1, 99, 1, 90, 0,
        // face 17
        105, 0, 88, 0, 72, 0, 103, 0, 91, 0, 73, 3, 97, 1, 89, 3, 71, 3,
        113, 0, 99, 0, 80, 5, 116, 1, 105, 0, 88, 0, 111, 1, 103, 0, 91, 0,
        117, 2, 106, 5, 90, 5, 121, 1, 113, 0, 99, 0, 119, 1, 116, 1, 105, 0,
        // face 18
        119, 0, 111, 0, 97, 0, 115, 0, 110, 0, 98, 3, 107, 1, 104, 3, 96, 3,
        121, 0, 116, 0, 103, 5, 120, 1, 119, 0, 111, 0, 112, 1, 115, 0, 110, 0,
        117, 1, 113, 5, 105, 5, 118, 1, 121, 0, 116, 0, 114, 1, 120, 1, 119, 0,
        // face 19
        114, 0, 112, 0, 107, 0, 100, 0, 102, 0, 101, 3, 83, 1, 87, 3, 85, 3,
        118, 0, 120, 0, 115, 5, 108, 1, 114, 0, 112, 0, 92, 1, 100, 0, 102, 0,
        117, 0, 121, 5, 119, 5, 109, 1, 118, 0, 120, 0, 95, 1, 108, 1, 114, 0,
    ];

    private static readonly BaseCellData[] Data =
    [
        new(1, new(1, 0, 0), false, 0, 0), // 0
        new(2, new(1, 1, 0), false, 0, 0), // 1
        new(1, new(0, 0, 0), false, 0, 0), // 2
        new(2, new(1, 0, 0), false, 0, 0), // 3
        new(0, new(2, 0, 0), true, -1, -1), // 4
        new(1, new(1, 1, 0), false, 0, 0), // 5
        new(1, new(0, 0, 1), false, 0, 0), // 6
        new(2, new(0, 0, 0), false, 0, 0), // 7
        new(0, new(1, 0, 0), false, 0, 0), // 8
        new(2, new(0, 1, 0), false, 0, 0), // 9
        new(1, new(0, 1, 0), false, 0, 0), // 10
        new(1, new(0, 1, 1), false, 0, 0), // 11
        new(3, new(1, 0, 0), false, 0, 0), // 12
        new(3, new(1, 1, 0), false, 0, 0), // 13
        new(11, new(2, 0, 0), true, 2, 6), // 14
        new(4, new(1, 0, 0), false, 0, 0), // 15
        new(0, new(0, 0, 0), false, 0, 0), // 16
        new(6, new(0, 1, 0), false, 0, 0), // 17
        new(0, new(0, 0, 1), false, 0, 0), // 18
        new(2, new(0, 1, 1), false, 0, 0), // 19
        new(7, new(0, 0, 1), false, 0, 0), // 20
        new(2, new(0, 0, 1), false, 0, 0), // 21
        new(0, new(1, 1, 0), false, 0, 0), // 22
        new(6, new(0, 0, 1), false, 0, 0), // 23
        new(10, new(2, 0, 0), true, 1, 5), // 24
        new(6, new(0, 0, 0), false, 0, 0), // 25
        new(3, new(0, 0, 0), false, 0, 0), // 26
        new(11, new(1, 0, 0), false, 0, 0), // 27
        new(4, new(1, 1, 0), false, 0, 0), // 28
        new(3, new(0, 1, 0), false, 0, 0), // 29
        new(0, new(0, 1, 1), false, 0, 0), // 30
        new(4, new(0, 0, 0), false, 0, 0), // 31
        new(5, new(0, 1, 0), false, 0, 0), // 32
        new(0, new(0, 1, 0), false, 0, 0), // 33
        new(7, new(0, 1, 0), false, 0, 0), // 34
        new(11, new(1, 1, 0), false, 0, 0), // 35
        new(7, new(0, 0, 0), false, 0, 0), // 36
        new(10, new(1, 0, 0), false, 0, 0), // 37
        new(12, new(2, 0, 0), true, 3, 7), // 38
        new(6, new(1, 0, 1), false, 0, 0), // 39
        new(7, new(1, 0, 1), false, 0, 0), // 40
        new(4, new(0, 0, 1), false, 0, 0), // 41
        new(3, new(0, 0, 1), false, 0, 0), // 42
        new(3, new(0, 1, 1), false, 0, 0), // 43
        new(4, new(0, 1, 0), false, 0, 0), // 44
        new(6, new(1, 0, 0), false, 0, 0), // 45
        new(11, new(0, 0, 0), false, 0, 0), // 46
        new(8, new(0, 0, 1), false, 0, 0), // 47
        new(5, new(0, 0, 1), false, 0, 0), // 48
        new(14, new(2, 0, 0), true, 0, 9), // 49
        new(5, new(0, 0, 0), false, 0, 0), // 50
        new(12, new(1, 0, 0), false, 0, 0), // 51
        new(10, new(1, 1, 0), false, 0, 0), // 52
        new(4, new(0, 1, 1), false, 0, 0), // 53
        new(12, new(1, 1, 0), false, 0, 0), // 54
        new(7, new(1, 0, 0), false, 0, 0), // 55
        new(11, new(0, 1, 0), false, 0, 0), // 56
        new(10, new(0, 0, 0), false, 0, 0), // 57
        new(13, new(2, 0, 0), true, 4, 8), // 58
        new(10, new(0, 0, 1), false, 0, 0), // 59
        new(11, new(0, 0, 1), false, 0, 0), // 60
        new(9, new(0, 1, 0), false, 0, 0), // 61
        new(8, new(0, 1, 0), false, 0, 0), // 62
        new(6, new(2, 0, 0), true, 11, 15), // 63
        new(8, new(0, 0, 0), false, 0, 0), // 64
        new(9, new(0, 0, 1), false, 0, 0), // 65
        new(14, new(1, 0, 0), false, 0, 0), // 66
        new(5, new(1, 0, 1), false, 0, 0), // 67
        new(16, new(0, 1, 1), false, 0, 0), // 68
        new(8, new(1, 0, 1), false, 0, 0), // 69
        new(5, new(1, 0, 0), false, 0, 0), // 70
        new(12, new(0, 0, 0), false, 0, 0), // 71
        new(7, new(2, 0, 0), true, 12, 16), // 72
        new(12, new(0, 1, 0), false, 0, 0), // 73
        new(10, new(0, 1, 0), false, 0, 0), // 74
        new(9, new(0, 0, 0), false, 0, 0), // 75
        new(13, new(1, 0, 0), false, 0, 0), // 76
        new(16, new(0, 0, 1), false, 0, 0), // 77
        new(15, new(0, 1, 1), false, 0, 0), // 78
        new(15, new(0, 1, 0), false, 0, 0), // 79
        new(16, new(0, 1, 0), false, 0, 0), // 80
        new(14, new(1, 1, 0), false, 0, 0), // 81
        new(13, new(1, 1, 0), false, 0, 0), // 82
        new(5, new(2, 0, 0), true, 10, 19), // 83
        new(8, new(1, 0, 0), false, 0, 0), // 84
        new(14, new(0, 0, 0), false, 0, 0), // 85
        new(9, new(1, 0, 1), false, 0, 0), // 86
        new(14, new(0, 0, 1), false, 0, 0), // 87
        new(17, new(0, 0, 1), false, 0, 0), // 88
        new(12, new(0, 0, 1), false, 0, 0), // 89
        new(16, new(0, 0, 0), false, 0, 0), // 90
        new(17, new(0, 1, 1), false, 0, 0), // 91
        new(15, new(0, 0, 1), false, 0, 0), // 92
        new(16, new(1, 0, 1), false, 0, 0), // 93
        new(9, new(1, 0, 0), false, 0, 0), // 94
        new(15, new(0, 0, 0), false, 0, 0), // 95
        new(13, new(0, 0, 0), false, 0, 0), // 96
        new(8, new(2, 0, 0), true, 13, 17), // 97
        new(13, new(0, 1, 0), false, 0, 0), // 98
        new(17, new(1, 0, 1), false, 0, 0), // 99
        new(19, new(0, 1, 0), false, 0, 0), // 100
        new(14, new(0, 1, 0), false, 0, 0), // 101
        new(19, new(0, 1, 1), false, 0, 0), // 102
        new(17, new(0, 1, 0), false, 0, 0), // 103
        new(13, new(0, 0, 1), false, 0, 0), // 104
        new(17, new(0, 0, 0), false, 0, 0), // 105
        new(16, new(1, 0, 0), false, 0, 0), // 106
        new(9, new(2, 0, 0), true, 14, 18), // 107
        new(15, new(1, 0, 1), false, 0, 0), // 108
        new(15, new(1, 0, 0), false, 0, 0), // 109
        new(18, new(0, 1, 1), false, 0, 0), // 110
        new(18, new(0, 0, 1), false, 0, 0), // 111
        new(19, new(0, 0, 1), false, 0, 0), // 112
        new(17, new(1, 0, 0), false, 0, 0), // 113
        new(19, new(0, 0, 0), false, 0, 0), // 114
        new(18, new(0, 1, 0), false, 0, 0), // 115
        new(18, new(1, 0, 1), false, 0, 0), // 116
        new(19, new(2, 0, 0), true, -1, -1), // 117
        new(19, new(1, 0, 0), false, 0, 0), // 118
        new(18, new(0, 0, 0), false, 0, 0), // 119
        new(19, new(1, 0, 1), false, 0, 0), // 120
        new(18, new(1, 0, 0), false, 0, 0), // 121
    ];

    public static BaseCellData Get(int baseCell) => Data[baseCell];

    public static bool IsPentagon(int baseCell) => Data[baseCell].IsPentagon;

    public static bool IsCwOffset(int baseCell, int face) => Data[baseCell].CwOffset0 == face || Data[baseCell].CwOffset1 == face;

    /// <summary>The base cell at a res-0 position of a face (coordinates 0-2 each).</summary>
    public static int At(int face, CoordIjk c) => FaceIjkTable[Index(face, c)];

    /// <summary>The counter-clockwise 60° rotations from the face's system into that base cell's.</summary>
    public static int RotationsAt(int face, CoordIjk c) => FaceIjkTable[Index(face, c) + 1];

    private static int Index(int face, CoordIjk c) => 2 * (((face * 3 + c.I) * 3 + c.J) * 3 + c.K);
}
