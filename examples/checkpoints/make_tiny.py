#!/usr/bin/env python3
"""Writes examples/checkpoints/tiny-llama/model.safetensors: the weights of the tiny Llama described by its config.json.

A real safetensors file (https://huggingface.co/docs/safetensors): an 8-byte little-endian header length, a JSON header
giving each tensor's dtype, shape and byte range, then the tensor bytes. The weights are bfloat16, drawn from a fixed
pseudo-random sequence (normal, standard deviation initializer_range), with the normalization weights at one, so the
file is the same on every run. Only the standard library is used:

    python3 examples/checkpoints/make_tiny.py
"""

import json
import math
import os
import struct

HERE = os.path.dirname(os.path.abspath(__file__))
CHECKPOINT = os.path.join(HERE, "tiny-llama")


def tensor_shapes(config):
    """The tensors of a LlamaForCausalLM, with PyTorch's [out, in] layout for linear weights."""
    hidden = config["hidden_size"]
    heads = config["num_attention_heads"]
    kv_heads = config["num_key_value_heads"]
    head_dim = config.get("head_dim") or hidden // heads
    intermediate = config["intermediate_size"]
    vocab = config["vocab_size"]
    shapes = {"model.embed_tokens.weight": [vocab, hidden], "model.norm.weight": [hidden]}
    for layer in range(config["num_hidden_layers"]):
        prefix = f"model.layers.{layer}."
        shapes[prefix + "self_attn.q_proj.weight"] = [heads * head_dim, hidden]
        shapes[prefix + "self_attn.k_proj.weight"] = [kv_heads * head_dim, hidden]
        shapes[prefix + "self_attn.v_proj.weight"] = [kv_heads * head_dim, hidden]
        shapes[prefix + "self_attn.o_proj.weight"] = [hidden, heads * head_dim]
        shapes[prefix + "mlp.gate_proj.weight"] = [intermediate, hidden]
        shapes[prefix + "mlp.up_proj.weight"] = [intermediate, hidden]
        shapes[prefix + "mlp.down_proj.weight"] = [hidden, intermediate]
        shapes[prefix + "input_layernorm.weight"] = [hidden]
        shapes[prefix + "post_attention_layernorm.weight"] = [hidden]
    if not config.get("tie_word_embeddings", False):
        shapes["lm_head.weight"] = [vocab, hidden]
    return shapes


class Normal:
    """A fixed sequence of normal numbers: a 64-bit linear congruential generator and the Box-Muller transform."""

    def __init__(self, seed):
        self.state = seed

    def uniform(self):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % 2**64
        return ((self.state >> 11) + 0.5) / 2**53

    def __call__(self, std):
        return std * math.sqrt(-2.0 * math.log(self.uniform())) * math.cos(2.0 * math.pi * self.uniform())


def bfloat16(value):
    """The two bytes of a bfloat16, rounded to nearest even from float32."""
    bits = struct.unpack("<I", struct.pack("<f", value))[0]
    bits += 0x7FFF + ((bits >> 16) & 1)
    return struct.pack("<H", bits >> 16)


def main():
    with open(os.path.join(CHECKPOINT, "config.json"), encoding="utf-8") as file:
        config = json.load(file)
    normal = Normal(seed=1234)
    header = {"__metadata__": {"format": "pt"}}
    data = bytearray()
    for name, shape in sorted(tensor_shapes(config).items()):
        count = math.prod(shape)
        if name.endswith("norm.weight"):
            values = [1.0] * count
        else:
            values = [normal(config["initializer_range"]) for _ in range(count)]
        start = len(data)
        for value in values:
            data += bfloat16(value)
        header[name] = {"dtype": "BF16", "shape": shape, "data_offsets": [start, len(data)]}
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)  # the header is padded with spaces to a multiple of 8 bytes
    with open(os.path.join(CHECKPOINT, "model.safetensors"), "wb") as file:
        file.write(struct.pack("<Q", len(text)))
        file.write(text)
        file.write(data)


if __name__ == "__main__":
    main()
