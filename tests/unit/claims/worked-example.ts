// The 2-3-1 worked example of the forward-propagation and backpropagation chapters,
// built as a src/lib network so that every number comes from the library.
import { activationsPerLayer, createNetwork, gradients, type Network } from '../../../src/lib/index.ts';

export const X = [1.0, 0.5];
export const Y = 1;
export const W1 = [0.5, -0.4, 0.3, 0.8, -0.6, 0.2];
export const B1 = [0.1, -0.2, 0];
export const W2 = [0.7, -0.5, 0.9];
export const B2 = 0.2;

export function exampleNetwork(w11 = W1[0]): Network {
  const net = createNetwork({ sizes: [2, 3, 1], activation: 'sigmoid', output: 'sigmoid', init: 'zeros', seed: 1 });
  net.layers[0].weights.set(W1);
  net.layers[0].weights[0] = w11;
  net.layers[0].biases.set(B1);
  net.layers[1].weights.set(W2);
  net.layers[1].biases.set([B2]);
  return net;
}

export function forwardExample(net = exampleNetwork()) {
  const [h, o] = activationsPerLayer(net, Float64Array.from(X), 1);
  return { z1: [...h.z], a1: [...h.a], z2: o.z[0], yhat: o.a[0] };
}

/** Squared error (ŷ − y)² and its gradients: for a batch of one, the bias gradients are the deltas. */
export function backwardExample(net = exampleNetwork()) {
  const g = gradients(net, Float64Array.from(X), Float64Array.from([Y]), 1, 'mse');
  return { loss: g.loss, dW1: [...g.weights[0]], dW2: [...g.weights[1]], delta1: [...g.biases[0]], delta2: g.biases[1][0] };
}
