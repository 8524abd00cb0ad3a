"""WeatherFlow's flow-matching networks as PyTorch modules, to run a model downloaded from the api.

    model = load_model("model.safetensors", metadata)   # metadata: GET /api/experiments/{id}/model/metadata
    x1 = model.step(x0, t0=0.0, dt=0.5)                 # x0: [B, C, lat, lon] in physical units

Each module mirrors its TorchSharp original in src/WeatherFlow.Training/Models (same state-dict names, same
arithmetic), so a downloaded state dict loads strictly and a step reproduces the run's own forecast. Needs only
torch (1.13 or later).
"""

import json
import math
import struct

import torch
import torch.nn.functional as F
from torch import nn

__all__ = ["load_model", "read_safetensors", "WeatherFlowModel"]

_SAFETENSORS_DTYPES = {"F32": torch.float32, "F64": torch.float64, "I64": torch.int64, "BOOL": torch.bool}


def read_safetensors(path):
    """The file's tensors by name. The format is a length-prefixed JSON header and raw little-endian data; read here
    so that torch is the only dependency (Debian's python3-torch has no safetensors package beside it)."""
    with open(path, "rb") as file:
        data = file.read()
    (header_length,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8 : 8 + header_length])
    body = memoryview(data)[8 + header_length :]
    tensors = {}
    for name, entry in header.items():
        if name == "__metadata__":
            continue
        start, end = entry["data_offsets"]
        dtype = _SAFETENSORS_DTYPES[entry["dtype"]]
        flat = torch.frombuffer(bytearray(body[start:end]), dtype=dtype) if end > start else torch.empty(0, dtype=dtype)
        tensors[name] = flat.reshape(entry["shape"])
    return tensors


def load_model(path, metadata):
    """The run's network with its weights, ready to step: ``metadata`` is the model's metadata document (a dict)."""
    model = WeatherFlowModel(metadata)
    model.network.load_state_dict(read_safetensors(path), strict=True)
    if isinstance(model.network, IcosahedralFlowModel):
        model.network.check_mesh()
    return model.eval()


class WeatherFlowModel(nn.Module):
    """A downloaded run's network in physical units: standardises its input, steps the flow, and restores units."""

    def __init__(self, metadata):
        super().__init__()
        config = metadata["config"]["model"]
        channels = len(metadata["channels"])
        grid = metadata["grid"]
        self.network = (IcosahedralFlowModel if metadata["architecture"] == "icosahedral" else GridFlowModel)(channels, config)
        normalisation = metadata.get("normalisation")
        mean = torch.tensor(normalisation["mean"], dtype=torch.float32).view(1, channels, grid["lat"], 1) if normalisation else torch.zeros(1, channels, 1, 1)
        std = torch.tensor(normalisation["std"], dtype=torch.float32).view(1, channels, 1, 1) if normalisation else torch.ones(1, channels, 1, 1)
        self.register_buffer("mean", mean, persistent=False)
        self.register_buffer("std", std, persistent=False)
        self.register_buffer("static", static_features(grid["lat"], grid["lon"]), persistent=False)

    def velocity(self, x, t, forcing=0.0):
        """The learned field v(x, t) on standardised states x [B, C, lat, lon] at time t ∈ [0, 1]."""
        times = torch.full((x.shape[0],), t, dtype=x.dtype)
        forcings = torch.full((x.shape[0], 1), forcing, dtype=x.dtype)
        return self.network(x, times, self.static, forcings)

    @torch.no_grad()
    def step(self, x, t0, dt, solver="rk4", forcing=0.0):
        """One step of a fixed-grid solver (``rk4``, torchdiffeq's 3/8 rule, or ``midpoint``) from t0 to t0 + dt, in
        physical units. ``forcing`` is the diurnal forcing sin(2π·hour/24); a run's forecast starts at hour 0."""
        y0 = (x - self.mean) / self.std
        field = lambda t, y: self.velocity(y, t, forcing)
        if solver == "midpoint":
            k1 = field(t0, y0)
            y1 = y0 + dt * field(t0 + dt / 2, y0 + k1 * (dt / 2))
        elif solver == "rk4":
            k1 = field(t0, y0)
            k2 = field(t0 + dt / 3, y0 + k1 * (dt / 3))
            k3 = field(t0 + dt * 2 / 3, y0 + dt * (k2 - k1 / 3))
            k4 = field(t0 + dt, y0 + dt * (k1 - k2 + k3))
            y1 = y0 + (k1 + 3 * (k2 + k3) + k4) * (dt / 8)
        else:
            raise ValueError(f"step takes 'rk4' or 'midpoint'; integrate velocity() with torchdiffeq for '{solver}'")
        return y1 * self.std + self.mean


def static_features(height, width):
    """Orography exp(−2.5(φ² + λ²)) and a land mask (φ > 0) on φ, λ ∈ [−1, 1]: [1, 2, lat, lon]."""
    phi = torch.linspace(-1, 1, height).view(height, 1)
    lam = torch.linspace(-1, 1, width).view(1, width)
    orography = (-2.5 * (phi.square() + lam.square())).exp()
    land = phi.gt(0).to(torch.float32).expand(height, width)
    return torch.stack([orography, land]).unsqueeze(0)


def time_frequencies(dim):
    half = dim // 2
    return (torch.arange(half, dtype=torch.float32) * -(math.log(10000) / (half - 1))).exp()


def encode_time(t, frequencies):
    angles = t.unsqueeze(1) * frequencies.unsqueeze(0)
    return torch.cat([angles.sin(), angles.cos()], 1)


def gradient(x, dim):
    """torch.gradient with unit spacing and edge order 1, and zeros along a dimension of one point."""
    n = x.shape[dim]
    if n < 2:
        return torch.zeros_like(x)
    first = x.narrow(dim, 1, 1) - x.narrow(dim, 0, 1)
    last = x.narrow(dim, n - 1, 1) - x.narrow(dim, n - 2, 1)
    if n == 2:
        return torch.cat([first, last], dim)
    inside = (x.narrow(dim, 2, n - 2) - x.narrow(dim, 0, n - 2)) * 0.5
    return torch.cat([first, inside, last], dim)


def divergence_correction(velocity):
    """Channels 0 and 1 as (u, v) nudged by 0.1·∇(−div) on the sphere; fewer than two channels pass through."""
    if velocity.shape[1] < 2:
        return velocity
    u, v = velocity.narrow(1, 0, 1), velocity.narrow(1, 1, 1)
    height, width = u.shape[2], u.shape[3]
    eps = torch.finfo(torch.float32).eps
    cos_latitude = torch.linspace(-math.pi / 2, math.pi / 2, height, dtype=u.dtype).cos().clamp(min=eps).view(1, 1, height, 1)
    d_longitude = 2 * math.pi / max(width, 1)
    d_latitude = math.pi / max(height - 1, 1)
    earth_radius = 6.371e6
    divergence = (gradient(u, 3) / d_longitude) / (earth_radius * cos_latitude) + (gradient(v * cos_latitude, 2) / d_latitude) / earth_radius
    negative = -divergence
    corrected = [u + 0.1 * gradient(negative, 3), v + 0.1 * gradient(negative, 2)]
    if velocity.shape[1] > 2:
        corrected.append(velocity.narrow(1, 2, velocity.shape[1] - 2))
    return torch.cat(corrected, 1)


class SphereConv(nn.Module):
    """A "same" convolution, zero-padded or wrapped around; a field smaller than the padding is zero-padded."""

    def __init__(self, in_channels, out_channels, kernel_size, circular, groups=1):
        super().__init__()
        self.padding = kernel_size // 2
        self.circular = circular
        self.conv = nn.Conv2d(in_channels, out_channels, kernel_size, padding=0 if circular else self.padding, groups=groups)

    def forward(self, x):
        if not self.circular:
            return self.conv(x)
        p = self.padding
        wraps = x.shape[2] >= p and x.shape[3] >= p
        return self.conv(F.pad(x, (p, p, p, p), mode="circular" if wraps else "constant"))


class ConvNextBlock(nn.Module):
    def __init__(self, dim, circular):
        super().__init__()
        self.depthwise = SphereConv(dim, dim, 7, circular, groups=dim)
        self.norm = nn.LayerNorm(dim, eps=1e-6)
        self.expand = nn.Linear(dim, 4 * dim)
        self.contract = nn.Linear(4 * dim, dim)
        self.gamma = nn.Parameter(torch.full((dim,), 1e-6))

    def forward(self, features):
        h = self.depthwise(features.permute(0, 3, 1, 2)).permute(0, 2, 3, 1)
        return features + self.contract(F.gelu(self.expand(self.norm(h)))) * self.gamma


class WindowAttention(nn.Module):
    heads = 8

    def __init__(self, dim, window_size):
        super().__init__()
        self.qkv = nn.Linear(dim, 3 * dim)
        self.output = nn.Linear(dim, dim)
        self.window_size = window_size

    def forward(self, features):
        batch, height, width, channels = features.shape
        win = self.window_size if self.window_size > 0 else min(height, width, 16)
        pad_h, pad_w = (win - height % win) % win, (win - width % win) % win
        padded = F.pad(features, (0, 0, 0, pad_w, 0, pad_h)) if pad_h or pad_w else features
        rows, cols = (height + pad_h) // win, (width + pad_w) // win
        tokens = padded.view(batch, rows, win, cols, win, channels).permute(0, 1, 3, 2, 4, 5).reshape(-1, win * win, channels)
        attended = self.attend(tokens).view(batch, rows, cols, win, win, channels).permute(0, 1, 3, 2, 4, 5).reshape(batch, rows * win, cols * win, channels)
        return features + attended[:, :height, :width, :]

    def attend(self, tokens):
        count, length, channels = tokens.shape
        q, k, v = self.qkv(tokens).view(count, length, 3, self.heads, channels // self.heads).permute(2, 0, 3, 1, 4)
        weights = (q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])).softmax(-1)
        return self.output((weights @ v).transpose(1, 2).reshape(count, length, channels))


class GridFlowModel(nn.Module):
    """The grid backbone: conv stem, static/time/forcing embeddings, ConvNeXt blocks, windowed attention, optional
    neighbour message passing, conv head and the optional divergence correction. Features are [B, H, W, C] inside."""

    def __init__(self, channels, config):
        super().__init__()
        hidden, circular = config["hiddenDim"], config["sphericalPadding"]
        self.stemIn = SphereConv(channels, hidden // 2, 3, circular)
        self.stemOut = SphereConv(hidden // 2, hidden, 3, circular)
        self.staticProjection = nn.Conv2d(2, hidden, 1)
        self.forcingProjection = nn.Linear(1, hidden)
        self.blocks = nn.ModuleList([ConvNextBlock(hidden, circular) for _ in range(config["nLayers"])])
        self.attention = WindowAttention(hidden, config["windowSize"]) if config["useAttention"] else None
        self.headIn = SphereConv(hidden, hidden // 2, 3, circular)
        self.headOut = SphereConv(hidden // 2, channels, 3, circular)
        self.register_buffer("timeFrequencies", time_frequencies(hidden))
        self.use_graph_message_passing = config["useGraphMp"]
        self.physics_informed = config["physicsInformed"]

    def forward(self, x, t, static, forcing):
        stem = self.stemOut(F.gelu(self.stemIn(x))) + self.staticProjection(static)
        conditioning = encode_time(t, self.timeFrequencies) + self.forcingProjection(forcing)
        h = stem.permute(0, 2, 3, 1) + conditioning.view(conditioning.shape[0], 1, 1, conditioning.shape[1])
        for block in self.blocks:
            h = block(h)
        if self.attention is not None:
            h = self.attention(h)
        if self.use_graph_message_passing:
            h = h + (h.roll(1, 1) + h.roll(-1, 1) + h.roll(1, 2) + h.roll(-1, 2)) * 0.25
        velocity = self.headOut(F.gelu(self.headIn(h.permute(0, 3, 1, 2))))
        return divergence_correction(velocity) if self.physics_informed else velocity


class Icosphere:
    """A unit icosahedron refined ``subdivisions`` times, vertices and faces in the order WeatherFlow builds them."""

    _BASE_FACES = [
        [0, 11, 5], [0, 5, 1], [0, 1, 7], [0, 7, 10], [0, 10, 11], [1, 5, 9], [5, 11, 4], [11, 10, 2], [10, 7, 6], [7, 1, 8],
        [3, 9, 4], [3, 4, 2], [3, 2, 6], [3, 6, 8], [3, 8, 9], [4, 9, 5], [2, 4, 11], [6, 2, 10], [8, 6, 7], [9, 8, 1],
    ]

    def __init__(self, subdivisions):
        phi = (1 + math.sqrt(5)) / 2
        corners = [(-1, phi, 0), (1, phi, 0), (-1, -phi, 0), (1, -phi, 0), (0, -1, phi), (0, 1, phi), (0, -1, -phi), (0, 1, -phi),
                   (phi, 0, -1), (phi, 0, 1), (-phi, 0, -1), (-phi, 0, 1)]
        self.vertices = [_normalized(v) for v in corners]
        self.faces = [list(face) for face in self._BASE_FACES]
        for _ in range(subdivisions):
            self._subdivide()

    def neighbours(self):
        """Each vertex's neighbours along mesh edges, in ascending order."""
        sets = [set() for _ in self.vertices]
        for face in self.faces:
            for corner in range(3):
                a, b = face[corner], face[(corner + 1) % 3]
                sets[a].add(b)
                sets[b].add(a)
        return [sorted(s) for s in sets]

    def _subdivide(self):
        midpoints = {}

        def midpoint(a, b):
            key = (min(a, b), max(a, b))
            if key not in midpoints:
                va, vb = self.vertices[a], self.vertices[b]
                midpoints[key] = len(self.vertices)
                self.vertices.append(_normalized(((va[0] + vb[0]) * 0.5, (va[1] + vb[1]) * 0.5, (va[2] + vb[2]) * 0.5)))
            return midpoints[key]

        refined = []
        for a, b, c in self.faces:
            ab, bc, ca = midpoint(a, b), midpoint(b, c), midpoint(c, a)
            refined += [[a, ab, ca], [b, bc, ab], [c, ca, bc], [ab, bc, ca]]
        self.faces = refined


def _normalized(v):
    scale = 1 / math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2])
    return (v[0] * scale, v[1] * scale, v[2] * scale)


def _triple(a, b, c):
    """The determinant of the rows a, b, c (arrays of [..., 3]), in the original's order of operations."""
    cross = (b[..., 1] * c[..., 2] - b[..., 2] * c[..., 1], b[..., 2] * c[..., 0] - b[..., 0] * c[..., 2], b[..., 0] * c[..., 1] - b[..., 1] * c[..., 0])
    return a[..., 0] * cross[0] + a[..., 1] * cross[1] + a[..., 2] * cross[2]


class GridMeshMapping:
    """Grid → mesh: each vertex bilinear from its 4 surrounding cells (longitude wrapping). Mesh → grid: each cell
    centre by the barycentric weights of the mesh triangle whose cone holds it."""

    def __init__(self, mesh, height, width):
        to_mesh_index, to_mesh_weight = [], []
        for x, y, z in mesh.vertices:
            latitude, longitude = math.asin(max(-1.0, min(1.0, z))), math.atan2(y, x)
            row = min(max((latitude + math.pi / 2) / (math.pi / height) - 0.5, 0), height - 1)
            column = (longitude + math.pi) / (2 * math.pi / width) - 0.5
            r0, c0 = math.floor(row), math.floor(column)
            wr, wc = row - r0, column - c0
            r1, c1 = min(r0 + 1, height - 1), c0 + 1
            c0, c1 = c0 % width, c1 % width
            for r, c, w in ((r0, c0, (1 - wr) * (1 - wc)), (r0, c1, (1 - wr) * wc), (r1, c0, wr * (1 - wc)), (r1, c1, wr * wc)):
                to_mesh_index.append(r * width + c)
                to_mesh_weight.append(w)
        self.to_mesh_index = torch.tensor(to_mesh_index, dtype=torch.int64)
        self.to_mesh_weight = torch.tensor(to_mesh_weight, dtype=torch.float32).view(-1, 4, 1)

        vertices = torch.tensor(mesh.vertices, dtype=torch.float64)
        faces = torch.tensor(mesh.faces, dtype=torch.int64)
        a, b, c = (vertices[faces[:, k]].unsqueeze(0) for k in range(3))
        points = []
        for row in range(height):
            for column in range(width):
                latitude = -math.pi / 2 + (row + 0.5) * math.pi / height
                longitude = -math.pi + (column + 0.5) * 2 * math.pi / width
                points.append((math.cos(latitude) * math.cos(longitude), math.cos(latitude) * math.sin(longitude), math.sin(latitude)))
        p = torch.tensor(points, dtype=torch.float64).unsqueeze(1)
        determinant = _triple(a, b, c)
        coordinates = torch.stack([_triple(p, b, c) / determinant, _triple(a, p, c) / determinant, _triple(a, b, p) / determinant], -1)
        best = coordinates.min(-1).values.argmax(-1)  # the first best face, as the original's strict ">" keeps it
        chosen = coordinates[torch.arange(len(points)), best].clamp(min=0)
        total = chosen[:, 0] + chosen[:, 1] + chosen[:, 2]
        self.to_grid_index = faces[best].flatten()
        self.to_grid_weight = (chosen / total.unsqueeze(1)).to(torch.float32).view(-1, 3, 1)

    def to_mesh(self, grid_features):
        return _gather(grid_features, self.to_mesh_index, self.to_mesh_weight, 4)

    def to_grid(self, mesh_features):
        return _gather(mesh_features, self.to_grid_index, self.to_grid_weight, 3)


def _gather(features, index, weight, fan_in):
    batch, depth = features.shape[0], features.shape[2]
    return (features.index_select(1, index).view(batch, -1, fan_in, depth) * weight).sum(2)


class MeshAttentionLayer(nn.Module):
    """Pre-norm graph attention of each vertex over itself and its neighbours, then a GELU MLP; both residual."""

    def __init__(self, dim):
        super().__init__()
        self.heads = 8 if dim % 8 == 0 else 4 if dim % 4 == 0 else 2
        self.attentionNorm = nn.LayerNorm(dim)
        self.qkv = nn.Linear(dim, 3 * dim)
        self.output = nn.Linear(dim, dim)
        self.mlpNorm = nn.LayerNorm(dim)
        self.mlpIn = nn.Linear(dim, 2 * dim)
        self.mlpOut = nn.Linear(2 * dim, dim)

    def forward(self, nodes, neighbourhood, padding):
        batch, vertices, dim = nodes.shape
        slots, head_dim = padding.shape[2], dim // self.heads
        projected = self.qkv(self.attentionNorm(nodes)).view(batch, vertices, 3, self.heads, head_dim)
        query = projected.select(2, 0).unsqueeze(2)
        keys = projected.select(2, 1).index_select(1, neighbourhood).view(batch, vertices, slots, self.heads, head_dim)
        values = projected.select(2, 2).index_select(1, neighbourhood).view(batch, vertices, slots, self.heads, head_dim)
        scores = (query * keys).sum(-1) / math.sqrt(head_dim)
        weights = scores.masked_fill(padding, float("-inf")).softmax(2).unsqueeze(-1)
        nodes = nodes + self.output((weights * values).sum(2).reshape(batch, vertices, dim))
        return nodes + self.mlpOut(F.gelu(self.mlpIn(self.mlpNorm(nodes))))


class IcosahedralFlowModel(nn.Module):
    """The icosahedral backbone: grid cells embedded, interpolated onto the icosphere, conditioned on time, forcing
    and vertex position, passed through graph-attention layers, interpolated back and decoded with a grid skip."""

    def __init__(self, channels, config):
        super().__init__()
        hidden = config["hiddenDim"]
        self.mesh = Icosphere(config["subdivisions"])
        self.gridEmbedding = nn.Linear(channels + 2, hidden)
        self.positionEmbedding = nn.Linear(3, hidden)
        self.forcingProjection = nn.Linear(1, hidden)
        self.layers = nn.ModuleList([MeshAttentionLayer(hidden) for _ in range(config["nLayers"])])
        self.decoderNorm = nn.LayerNorm(hidden)
        self.decoder = nn.Linear(hidden, channels)
        neighbours = self.mesh.neighbours()
        slots = max(len(n) for n in neighbours) + 1
        index = [[v if k == 0 or k > len(n) else n[k - 1] for k in range(slots)] for v, n in enumerate(neighbours)]
        mask = [[k > len(n) for k in range(slots)] for n in neighbours]
        self.register_buffer("timeFrequencies", time_frequencies(hidden))
        self.register_buffer("vertexPositions", torch.tensor(self.mesh.vertices, dtype=torch.float32))
        self.register_buffer("neighbourhood", torch.tensor(index, dtype=torch.int64).flatten())
        self.register_buffer("padding", torch.tensor(mask).view(1, len(neighbours), slots, 1))
        self.mappings = {}
        self.physics_informed = config["physicsInformed"]

    def check_mesh(self):
        """The loaded mesh buffers must be the ones this port builds, or its grid mapping would not fit them."""
        mesh = torch.tensor(self.mesh.vertices, dtype=torch.float32)
        if not torch.equal(mesh, self.vertexPositions):
            raise ValueError("the file's icosphere differs from the one this module builds")

    def forward(self, x, t, static, forcing):
        batch, channels, height, width = x.shape
        if (height, width) not in self.mappings:
            self.mappings[(height, width)] = GridMeshMapping(self.mesh, height, width)
        mapping = self.mappings[(height, width)]
        cells = torch.cat([x, static.expand(batch, -1, -1, -1)], 1).flatten(2).transpose(1, 2)
        grid_features = self.gridEmbedding(cells)
        conditioning = encode_time(t, self.timeFrequencies) + self.forcingProjection(forcing)
        nodes = mapping.to_mesh(grid_features) + self.positionEmbedding(self.vertexPositions).unsqueeze(0) + conditioning.unsqueeze(1)
        for layer in self.layers:
            nodes = layer(nodes, self.neighbourhood, self.padding)
        decoded = self.decoder(self.decoderNorm(mapping.to_grid(nodes) + grid_features))
        velocity = decoded.transpose(1, 2).reshape(batch, channels, height, width)
        return divergence_correction(velocity) if self.physics_informed else velocity
